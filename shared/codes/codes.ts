/**
 * The closed sets of codes the program stores, computes and sends across the API. A code is
 * English and stable; what a reviewer reads is its label in labels.ts. Each set is one const
 * array: the TypeScript type and the zod enum of the API contract (code-schemas.ts) are derived
 * from it, so a code added here is checked everywhere, a label included.
 */

/** Review stages of a batch (manifest `stage`), also the disbursement stages of a rule set. */
export const STAGES = ['application', 'midterm', 'acceptance'] as const;
export type Stage = (typeof STAGES)[number];

/** How serious a verification finding is. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What the offline checks report, on an invoice, a contract or a payment. */
export const FINDING_CODES = [
  'INVOICE_NUMBER_FORMAT',
  'DUPLICATE_INVOICE',
  'DATE_OUTSIDE_WINDOW',
  'DATE_BEFORE_CONTRACT',
  'AMOUNT_ARITHMETIC',
  'TAX_RATE_UNKNOWN',
  'AMOUNT_IN_WORDS_MISMATCH',
  'BUYER_NOT_APPLICANT',
  'CREDIT_CODE_CHECK',
  'NO_CONTRACT',
  'SELLER_NOT_CONTRACTOR',
  'CONTRACT_OVERINVOICED',
  'UNPAID_BEYOND_TAIL',
  'EXCLUDED_SPENDING',
  'RED_INVOICE',
  'REVERSED_INVOICE',
  'THIRD_PARTY_PAYMENT',
  'RELATED_PARTY',
  'ATTACHMENT_MISMATCH',
  'MISSING_ATTACHMENT',
  'DUPLICATE_CONTRACT',
  'PAYEE_NOT_CONTRACTOR',
  'CONTRACT_OVERPAID',
  'DUPLICATE_PAYMENT',
  'NO_PAYMENT',
  'CATEGORY_TO_CONFIRM',
  'TAIL_NOT_STIPULATED',
  'INSPECTION_NOT_FOUND',
  'INSPECTION_DIFFERENT',
  'INDICATOR_BELOW_TARGET',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** A reviewer's decision on an invoice: 认定, 核减, 不予认定. */
export const DECISION_KINDS = ['accept', 'reduce', 'reject'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** What a reviewer can do to an invoice's decision: take one, or withdraw it. */
export const DECISION_ACTIONS = [...DECISION_KINDS, 'clear'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** What the findings of an invoice suggest before a reviewer decides. */
export const SUGGESTION_KINDS = ['accept', 'reject', 'review'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/** Where the invoice review of a project stands (项目 list). */
export const REVIEW_STATES = ['pending', 'in-progress', 'done'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** A background import started from the UI. */
export const IMPORT_JOB_STATES = ['running', 'done', 'failed'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

/** The steps of an import, in order; the UI turns them into a progress bar. */
export const IMPORT_PHASES = ['reading', 'parsing', 'storing', 'done'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** Why one case of an award computation has no result. */
export const CASE_ERROR_CODES = ['INVALID_CASE', 'UNKNOWN_POLICY', 'MISSING_FIELD', 'INVALID_FIELD', 'INTERNAL'] as const;
export type CaseErrorCode = (typeof CASE_ERROR_CODES)[number];

/** What an expert saw of one equipment line on site (现场核查). */
export const INSPECTION_STATUSES = ['seen-running', 'seen-idle', 'not-found', 'different'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** Where an equipment line of the on-site checklist was read from: the e-invoices' own line items, or the invoice sheet's rows. */
export const INSPECTION_LINE_SOURCES = ['einvoice-lines', 'invoice-rows'] as const;
export type InspectionLineSource = (typeof INSPECTION_LINE_SOURCES)[number];
