import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Prints `message` and the command's usage to stderr, and exits with 2 (a usage mistake). */
export function usageError(usage: string, message: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

/**
 * The options and paths given to one of the project's commands (`npm run check`, `sources`, `new`),
 * with `--help` (`-h`) added: with it, prints `usage` and exits with 0; an option the command does
 * not know, or a value it lacks, prints the reason and `usage` and exits with 2.
 */
export function readCommandLine<const Options extends ParseArgsOptionsConfig>(usage: string, options: Options) {
  const config = {
    options: { ...options, help: { type: 'boolean', short: 'h' } } as Options & {
      help: { type: 'boolean'; short: 'h' };
    },
    allowPositionals: true,
  } as const;
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    usageError(usage, (error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return parsed;
}
