import readline from 'node:readline';
import { Writable } from 'node:stream';
import { AppError } from '../../shared/api/errors';

/**
 * The passphrase that opens the reviewer's signing key: JIGAI_PASSPHRASE when set (scripts, tests),
 * else typed on the terminal without being shown. Never taken as a command-line option, where it
 * would end up in the shell history and the process list.
 */
export async function askPassphrase(prompt: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.JIGAI_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) throw new AppError('BAD_INPUT', '签名需要口令：请在终端中运行，或设置环境变量 JIGAI_PASSPHRASE');
  process.stderr.write(prompt);
  let muted = true;
  const silent = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    muted = false;
    rl.close();
    process.stderr.write('\n');
  }
}
