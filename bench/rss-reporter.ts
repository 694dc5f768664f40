// Loaded with `node --import` into a measured child: reports its peak memory when it exits.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target !== undefined) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
