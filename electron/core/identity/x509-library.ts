import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as X509 from '@peculiar/x509';

/**
 * @peculiar/x509, set up once for Node with Node's WebCrypto (OpenSSL). It is required here, after
 * the Reflect metadata polyfill (which tsyringe, its dependency, needs) has run, rather than imported: the build bundles our code as ES modules with
 * packages left external, and ES imports of packages are evaluated before any bundled code, so a
 * static import of the library could be evaluated before the polyfill. Import the library only through this file.
 */
const require = createRequire(import.meta.url);
const x509 = require('@peculiar/x509') as typeof X509;

// Node's type differs from the DOM's Crypto only in declarations the library does not use.
x509.cryptoProvider.set(webcrypto as unknown as ReturnType<typeof x509.cryptoProvider.get>);

export { x509 };
