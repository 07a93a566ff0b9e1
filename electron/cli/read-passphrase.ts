import { AppError } from '../../shared/api/errors';

export const PASSPHRASE_VARIABLE = 'JIGAI_PASSPHRASE';
/** The passphrase of an organisation's PKCS#12 file (`jigai reviewer import-p12`). */
export const P12_PASSPHRASE_VARIABLE = 'JIGAI_P12_PASSPHRASE';

/**
 * The reviewer's passphrase: from JIGAI_PASSPHRASE (scripts, tests), else typed on the terminal
 * without echo. Never written anywhere.
 */
export async function readPassphrase(prompt: string, variable = PASSPHRASE_VARIABLE): Promise<string> {
  const fromEnv = process.env[variable];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const input = process.stdin;
  if (!input.isTTY) throw new AppError('BAD_INPUT', `请在终端中运行以输入口令，或通过环境变量 ${variable} 提供口令`);
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const char of chunk) {
          if (char === '\r' || char === '\n') {
            input.off('data', onData);
            resolve(typed);
            return;
          }
          if (char === '\u0003') {
            input.off('data', onData);
            reject(new AppError('BAD_INPUT', '已取消'));
            return;
          }
          if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
          else typed += char;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stderr.write('\n');
  }
}
