export * from './types';
export { verifyProject, suggestDecision, type ProjectFindings, type SuggestedDecision } from './verify-project';
export { computeVerifiedInvestment, createInvestmentCalculator, type InvestmentCalculator } from './verified-investment';
export { normalizeName, normalizeCode, normalizeContractNo, tradeNameStem } from './names';
export { linkRedInvoices, type RedLink } from './red-links';
export { EXCLUDED_WORDING } from './check-spending';
export { verifiedPayments, worstSeverity, type VerifiedPayment } from './payment-findings';
export { indexProject, type ProjectIndex } from './project-index';
export { effectiveDecision, statutoryFinding } from './effective-decision';
