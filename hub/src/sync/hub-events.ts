// TEMPORARY until shared/events lands: the hub-signed event is appended once sealEvent exists.
import type { HubContext } from '../context';
import type { Queries } from '../storage/types';

export type HubEventInput = {
  caseId: string;
  orgId: string;
  type: string;
  payload: Record<string, unknown>;
  hlc: string;
};

export function emitHubEvent(_ctx: HubContext, _q: Queries, _e: HubEventInput): Promise<void> {
  return Promise.resolve();
}
