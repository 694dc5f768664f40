// Loaded with `node --import` into a measured child: reports its peak memory and the CPU time of all its
// threads (user and system, in µs) when it exits, as `{"maxRSS": bytes, "cpu": µs}`.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target !== undefined) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRSS: usage.maxRSS * 1024, cpu: usage.userCPUTime + usage.systemCPUTime }));
  });
}
