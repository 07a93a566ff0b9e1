import fs from 'node:fs';
import { AppError } from '../../shared/api/errors';

/** Reads a JSON file named on the command line; an unreadable file or bad JSON is bad input, said in Chinese. */
export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('BAD_INPUT', `无法读取${what}：${file}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown;
  } catch (error) {
    throw new AppError('BAD_INPUT', `${what}「${file}」不是有效的 JSON：${error instanceof Error ? error.message : String(error)}`);
  }
}
