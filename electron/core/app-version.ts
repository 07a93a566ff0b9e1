import packageJson from '../../package.json';

export const PRODUCT_NAME = '技改评审';
export const APP_VERSION: string = packageJson.version;
