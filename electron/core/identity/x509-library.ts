import './reflect-metadata-shim';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** @peculiar/x509 set up once for Node: its crypto is Node's WebCrypto implementation (OpenSSL). */
// Node's type differs from the DOM's Crypto only in declarations the library does not use.
x509.cryptoProvider.set(webcrypto as unknown as ReturnType<typeof x509.cryptoProvider.get>);

export { x509 };
