/*
 * UUIDv7 (RFC 9562 §5.7): 48-bit Unix-ms timestamp, version, 74 random bits. Time-ordered, so ids sort
 * roughly by creation. Clock and randomness are injected so tests are deterministic.
 */
export type Clock = () => number;
export type RandomBytes = (n: number) => Uint8Array;

export const systemClock: Clock = () => Date.now();
export const cryptoRandom: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export type IdGenerator = () => string;

/** A UUIDv7 generator; ids from one generator are strictly increasing even within one millisecond. */
export function createUuidV7(clock: Clock = systemClock, random: RandomBytes = cryptoRandom): IdGenerator {
  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = clock();
    if (ms <= lastMs) {
      ms = lastMs;
      counter += 1;
    } else {
      counter = random(2).reduce((a, b) => (a << 8) | b, 0) & 0x3ff;
    }
    if (counter > 0xfff) {
      ms += 1;
      counter = 0;
    }
    lastMs = ms;
    const bytes = new Uint8Array(16);
    let t = ms;
    for (let i = 5; i >= 0; i--) {
      bytes[i] = t % 256;
      t = Math.floor(t / 256);
    }
    bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
    bytes[7] = counter & 0xff;
    bytes.set(random(8), 8);
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const h = hex(bytes);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

export const UUID_V7_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
