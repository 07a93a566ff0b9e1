export { DEFECT_DESCRIPTIONS, DEFECT_NAMES, isDefectName, type DefectName } from './defects';
export {
  SAMPLE_LIMITS,
  generateSamplePackage,
  type InjectedDefect,
  type SamplePackage,
  type SamplePackageOptions,
  type SamplePackageStats,
} from './generate-sample-package';
export { INVOICE_WINDOW, STAGE_TIMELINE } from './build-data';
