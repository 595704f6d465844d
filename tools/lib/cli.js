// What the command-line tools in bin/ share: one way to report bad input and to read options.

import { parseArgs } from 'node:util';

/** Prints `Error: message` on stderr and exits with `status` (2: bad usage, by convention here). */
export function fail(message, status = 2) {
  console.error(`Error: ${message}`);
  process.exit(status);
}

/** The options of a single-command tool; prints `usage` and exits 0 on --help, 2 on bad input. */
export function parseOptions(usage, options) {
  try {
    const { values } = parseArgs({ options: { ...options, help: { type: 'boolean', default: false } } });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    return values;
  } catch (error) {
    return fail(`${error.message}\n${usage}`);
  }
}

/**
 * The command and its options of a tool with subcommands (`optionsByCommand` names each
 * command's options); prints `usage` and exits 0 on --help, 2 on a missing or unknown command or
 * bad options. Positional arguments are allowed for the commands `allowsPositionals` accepts.
 */
export function parseCommand(usage, optionsByCommand, allowsPositionals = () => true) {
  const [command, ...args] = process.argv.slice(2);
  if (command === undefined) fail(`no command given\n${usage}`);
  if (['--help', '-h', 'help'].includes(command) || args.includes('--help')) {
    console.log(usage);
    process.exit(0);
  }
  if (!Object.hasOwn(optionsByCommand, command)) fail(`unknown command "${command}"\n${usage}`);
  try {
    const { values, positionals } = parseArgs({
      args, options: optionsByCommand[command], allowPositionals: allowsPositionals(command),
    });
    return { command, values, positionals };
  } catch (error) {
    return fail(`${error.message}\n${usage}`);
  }
}

/** The values of `keys` in `values` as positive integers (decimal, no sign or leading zero). */
export function positiveIntegers(values, keys) {
  return keys.map((key) => {
    const value = Number(values[key]);
    if (!/^[1-9][0-9]*$/.test(values[key]) || !Number.isSafeInteger(value)) {
      fail(`--${key} must be a positive integer, not "${values[key]}"`);
    }
    return value;
  });
}

/** A WsProvider connected to `url`, or exit 2 saying why not. */
export async function connectTo(url) {
  if (!/^wss?:\/\//.test(url)) fail(`--ws takes a ws:// or wss:// URL, not "${url}"`);
  // Loaded only when a node is asked: it doubles the start-up time of a command.
  const { WsProvider } = await import('@polkadot/api');
  // No automatic reconnection: a node that is not there is an error, not a wait.
  const provider = new WsProvider(url, false);
  try {
    await new Promise((resolve, reject) => {
      provider.on('error', (error) => reject(new Error(error?.message ?? 'connection failed')));
      provider.on('disconnected', () => reject(new Error('connection closed')));
      provider.isReady.then(resolve);
      provider.connect().catch(reject);
    });
  } catch (error) {
    fail(`cannot reach ${url}: ${error.message}`);
  }
  return provider;
}
