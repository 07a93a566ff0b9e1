import { z } from 'zod';
import {
  CASE_ERROR_CODES,
  DECISION_ACTIONS,
  DECISION_KINDS,
  FINDING_CODES,
  IMPORT_JOB_STATES,
  IMPORT_PHASES,
  INSPECTION_LINE_SOURCES,
  INSPECTION_STATUSES,
  REVIEW_STATES,
  SEVERITIES,
  STAGES,
  SUGGESTION_KINDS,
} from '../codes/codes';
import { API_ERROR_CODES } from './errors';

/** The code lists of shared/codes as zod enums, so the contract carries codes, never free text. */
export const stageSchema = z.enum(STAGES);
export const severitySchema = z.enum(SEVERITIES);
export const findingCodeSchema = z.enum(FINDING_CODES);
export const decisionKindSchema = z.enum(DECISION_KINDS);
export const decisionActionSchema = z.enum(DECISION_ACTIONS);
export const suggestionKindSchema = z.enum(SUGGESTION_KINDS);
export const reviewStateSchema = z.enum(REVIEW_STATES);
export const importJobStateSchema = z.enum(IMPORT_JOB_STATES);
export const importPhaseSchema = z.enum(IMPORT_PHASES);
export const caseErrorCodeSchema = z.enum(CASE_ERROR_CODES);
export const inspectionStatusSchema = z.enum(INSPECTION_STATUSES);
export const inspectionLineSourceSchema = z.enum(INSPECTION_LINE_SOURCES);
export const apiErrorCodeSchema = z.enum(API_ERROR_CODES);
