/*
 * The keyring for screens behind the unlock gate that need it again (enrollment escrow, passphrase
 * change in Settings). Holds no key: every operation asks for the passphrase. null where no gate is
 * mounted (component tests of a page alone).
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Keyring } from './keyring';

const KeyringContext = createContext<Keyring | null>(null);

export function KeyringProvider({ keyring, children }: { keyring: Keyring; children: ReactNode }) {
  return <KeyringContext.Provider value={keyring}>{children}</KeyringContext.Provider>;
}

export function useKeyring(): Keyring | null {
  return useContext(KeyringContext);
}
