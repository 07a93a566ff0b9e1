import type { EnumOption } from '../domain/enums';

/** Why an expert steps back from a project (回避声明); a recused expert neither scores nor sees its scores. */
export type RecusalKind = 'employer' | 'shareholding' | 'family' | 'recent-cooperation' | 'other';

export const RECUSAL_KIND_IDS = ['employer', 'shareholding', 'family', 'recent-cooperation', 'other'] as const satisfies readonly RecusalKind[];

export const RECUSAL_KINDS: readonly EnumOption<RecusalKind>[] = [
  { id: 'employer', label: '任职关系', aliases: ['在申报单位任职'] },
  { id: 'shareholding', label: '持股关系' },
  { id: 'family', label: '亲属关系' },
  { id: 'recent-cooperation', label: '近三年合作关系', aliases: ['近期合作'] },
  { id: 'other', label: '其他利害关系', aliases: ['其他'] },
];
