import type { RegisterLocation } from '../../node/load-register.ts';
import type { Io } from './io.ts';

/** The register a command names with `--register` and `--regulations`, from its working directory. */
export function registerLocation(io: Pick<Io, 'cwd'>, values: { register: string; regulations: string }): RegisterLocation {
  return { root: io.cwd, register: values.register, regulations: values.regulations };
}
