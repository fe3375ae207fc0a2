/*
 * Zod compiles fast parsers with `new Function` unless told not to. Our CSP forbids eval, and even
 * zod's guarded probe shows up as a CSP violation, so switch the JIT off before any schema is built.
 * main.tsx imports this module first, ahead of anything that defines schemas (#shared/ipc, events).
 */
import { z } from 'zod';

z.config({ jitless: true });
