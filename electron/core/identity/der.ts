/**
 * The few DER (ASN.1 Distinguished Encoding Rules) building blocks needed to write an encrypted
 * PKCS#8 key with our own key-derivation strength; Node's encoder fixes PBKDF2 at 2,048 rounds.
 */

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tagged(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.of(tag), encodeLength(content.length), content]);
}

export const derSequence = (...items: Buffer[]): Buffer => tagged(0x30, Buffer.concat(items));
export const derOctetString = (bytes: Buffer): Buffer => tagged(0x04, bytes);
export const derNull = (): Buffer => Buffer.of(0x05, 0x00);

/** A non-negative integer; a leading zero byte keeps the sign bit clear as DER requires. */
export function derInteger(value: number): Buffer {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`DER integer out of range: ${String(value)}`);
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  if (bytes.length === 0 || (bytes[0] ?? 0) >= 0x80) bytes.unshift(0);
  return tagged(0x02, Buffer.from(bytes));
}

export function derObjectIdentifier(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const bytes: number[] = [first * 40 + second];
  for (const arc of rest) {
    const chunk: number[] = [arc & 0x7f];
    for (let high = Math.floor(arc / 128); high > 0; high = Math.floor(high / 128)) chunk.unshift((high & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tagged(0x06, Buffer.from(bytes));
}
