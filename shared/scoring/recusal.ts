import { fail, ok, type Result } from '../domain/result';
import { parseEnum, type EnumOption } from '../domain/enums';
import { isBlank } from '../domain/text';

/** 回避声明: why an expert may not score a project. "Other" needs a note saying what the conflict is. */
export type RecusalKind = 'employer' | 'shareholding' | 'family' | 'cooperation' | 'other';

export const RECUSAL_KINDS: readonly EnumOption<RecusalKind>[] = [
  { id: 'employer', label: '任职单位', aliases: ['任职', '在申报单位任职'] },
  { id: 'shareholding', label: '持股', aliases: ['持有股份'] },
  { id: 'family', label: '亲属关系', aliases: ['亲属'] },
  { id: 'cooperation', label: '近期合作', aliases: ['合作关系'] },
  { id: 'other', label: '其他' },
];

export interface Recusal {
  readonly kind: RecusalKind;
  readonly note: string;
}

/** Reads a declared conflict; the kind may be given by its code or its label. */
export function parseRecusal(input: { kind?: unknown; note?: unknown }, where = '回避声明'): Result<Recusal> {
  const kind = parseEnum(RECUSAL_KINDS, input.kind, `${where}的回避原因`);
  if (!kind.ok) return kind;
  if (input.note !== undefined && input.note !== null && typeof input.note !== 'string') return fail(`${where}的说明应为文字`);
  const note = typeof input.note === 'string' ? input.note.trim() : '';
  if (kind.value === 'other' && isBlank(note)) return fail(`${where}的回避原因为“其他”，须填写说明`);
  return ok({ kind: kind.value, note });
}
