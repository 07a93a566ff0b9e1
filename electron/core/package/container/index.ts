export { readPackage, type ReadPackageResult } from './read-package';
export { DEFAULT_PACKAGE_LIMITS, RATIO_CHECK_MIN_BYTES, type PackageLimits } from './limits';
export { ATTACHMENT_EXTENSIONS } from './verify-files';
