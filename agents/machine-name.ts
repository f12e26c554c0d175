import { hostname } from 'node:os';
import { PLATFORM_COLLECTORS } from './platforms.js';

/**
 * The name this machine's reports will give, for enrolment: the hub lets an
 * agent report only the machine it enrolled as. The platform's host collector
 * decides it (on a Mac the Bonjour name, not whatever DHCP handed out); where
 * there is none, or it fails, Node's host name, which Linux and Windows
 * reports also use.
 */
export async function machineName(): Promise<string> {
  const collectors = await PLATFORM_COLLECTORS[process.platform]?.();
  const host = collectors?.find((c) => c.name === 'host');
  const reported = await host?.collect().then((part) => part.host?.hostname, () => undefined);
  return reported ?? hostname();
}
