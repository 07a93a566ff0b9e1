export interface JsonSyntaxError {
  /** 0-based offset in the text (UTF-16 code units, as JSON.parse counts). */
  offset: number;
  /** 1-based line and column, as an editor shows them. */
  line: number;
  column: number;
  /** Chinese description of what was expected there. */
  message: string;
}

const MAX_DEPTH = 512;
const FULL_WIDTH_HINTS: Record<string, string> = {
  '，': '，这里是全角逗号，JSON 只认半角逗号 ,',
  '：': '，这里是全角冒号，JSON 只认半角冒号 :',
  '“': '，这里是中文引号，JSON 只认半角双引号 "',
  '”': '，这里是中文引号，JSON 只认半角双引号 "',
  '‘': '，这里是中文引号，JSON 只认半角双引号 "',
  '｛': '，这里是全角括号，JSON 只认半角 {',
  '｝': '，这里是全角括号，JSON 只认半角 }',
};

class SyntaxStop {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/**
 * Where and why a text is not JSON (RFC 8259), for a message a bureau clerk can act on. JSON.parse's
 * own messages are English and, depending on the V8 version, do not always carry a position, so the
 * text is scanned again by this small validator once JSON.parse has refused it.
 * Returns undefined for valid JSON.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;

  const fail = (message: string, at = i): never => {
    throw new SyntaxStop(at, message);
  };
  const found = (): string => {
    if (i >= text.length) return '文件在此意外结束';
    const ch = text[i] ?? '';
    return `实际为「${ch}」${FULL_WIDTH_HINTS[ch] ?? ''}`;
  };
  const skipWhitespace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i += 1;
  };
  const expectLiteral = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`应为 ${word}，${found()}`);
      i += 1;
    }
  };

  const string = () => {
    i += 1; // opening quote
    for (;;) {
      if (i >= text.length) fail('字符串没有结束的双引号，文件在此意外结束');
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        i += 1;
        return;
      }
      if (ch < 0x20) fail('字符串中不能直接包含换行、制表符等控制字符（换行请写成 \\n）');
      if (ch === 0x5c) {
        const escape = text[i + 1] ?? '';
        if ('"\\/bfnrt'.includes(escape) && escape !== '') i += 2;
        else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else fail(`无效的转义序列「\\${escape}」（反斜杠 \\ 本身要写成 \\\\）`);
        continue;
      }
      i += 1;
    }
  };

  const number = () => {
    const start = i;
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail(`数字格式不正确，${found()}`);
    i += match?.[0].length ?? 0;
    if (/[0-9.eE+-]/.test(text[i] ?? '')) fail('数字格式不正确（不能有前导 0、多个小数点或缺少指数）', start);
  };

  const value = (depth: number) => {
    if (depth > MAX_DEPTH) fail('嵌套层数过深');
    skipWhitespace();
    const ch = text[i];
    if (ch === '{') object(depth);
    else if (ch === '[') array(depth);
    else if (ch === '"') string();
    else if (ch === 't') expectLiteral('true');
    else if (ch === 'f') expectLiteral('false');
    else if (ch === 'n') expectLiteral('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else fail(`此处应为一个值（对象、数组、带双引号的字符串、数字、true、false 或 null），${found()}`);
    skipWhitespace();
  };

  const object = (depth: number) => {
    i += 1;
    skipWhitespace();
    if (text[i] === '}') {
      i += 1;
      return;
    }
    for (let afterComma = false; ; afterComma = true) {
      skipWhitespace();
      if (text[i] !== '"') {
        fail(afterComma && text[i] === '}' ? '最后一个字段后面多了逗号，JSON 不允许末尾多余的逗号' : `应为用半角双引号括起的字段名，${found()}`);
      }
      string();
      skipWhitespace();
      if (text[i] !== ':') fail(`字段名后应为冒号 :，${found()}`);
      i += 1;
      value(depth + 1);
      if (text[i] === '}') {
        i += 1;
        return;
      }
      if (text[i] !== ',') fail(`应为逗号 , 或 }，${found()}`);
      i += 1;
    }
  };

  const array = (depth: number) => {
    i += 1;
    skipWhitespace();
    if (text[i] === ']') {
      i += 1;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[i] === ']') fail('最后一项后面多了逗号，JSON 不允许末尾多余的逗号');
      value(depth + 1);
      if (text[i] === ']') {
        i += 1;
        return;
      }
      if (text[i] !== ',') fail(`应为逗号 , 或 ]，${found()}`);
      i += 1;
    }
  };

  try {
    value(0);
    if (i < text.length) fail(`JSON 内容结束后还有多余的内容，${found()}`);
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxStop)) throw error;
    return { ...lineAndColumn(text, error.offset), offset: error.offset, message: error.message };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k += 1) {
    if (text[k] === '\n') {
      line += 1;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
