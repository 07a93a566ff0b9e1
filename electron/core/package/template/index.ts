export * from './layout';
export * from './styles';
export * from './write-template';
