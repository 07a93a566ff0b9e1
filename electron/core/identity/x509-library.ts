import './reflect-metadata-shim';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** @peculiar/x509 set up once for Node: its crypto is Node's WebCrypto implementation (OpenSSL). */
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
