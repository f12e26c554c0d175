/**
 * Which endoflife.date products become lifecycle rules. Everything that can be
 * installed on a Windows, Linux or macOS machine or appear in an SBOM is in;
 * what is left out, and why, is listed in rules/README.md (generated from here).
 */
import type { EolProduct } from './types.js';

/** Whole categories that are never installed software. */
const LEFT_OUT_CATEGORIES: Readonly<Record<string, string>> = {
  device: 'hardware (phones, tablets, watches, processors, GPUs): not installed software',
  service: 'a cloud service run by its provider: nothing is installed on a machine',
  standard: 'a standard (TLS, PCI DSS), not a product',
};

const APPLIANCE = 'a network or storage appliance, hypervisor or firmware: no agent runs there and no inventory lists it';
const MOBILE = 'a phone, tablet, watch or TV operating system: not a Windows, Linux or macOS machine';
const CLOUD = 'a cloud-managed service or platform: nothing is installed on a machine';
const NO_VERSION_MAP = 'its cycles are not versions an inventory reports (names, years or branches), so no version could be placed without a hand-made map';
const COVERED = (by: string) => `covered by the ${by} rule`;

/** Products outside the categories above that are left out, with the reason. */
const LEFT_OUT: Readonly<Record<string, string>> = {
  android: MOBILE, 'apple-tvos': MOBILE, ios: MOBILE, ipados: MOBILE, visionos: MOBILE, watchos: MOBILE, lineageos: MOBILE, postmarketos: MOBILE,
  steamos: 'a games-console operating system',
  'big-ip': APPLIANCE, 'cisco-ios-xe': APPLIANCE, fortios: APPLIANCE, 'pan-os': APPLIANCE, routeros: APPLIANCE, openwrt: APPLIANCE, opnsense: APPLIANCE,
  'netapp-ontap': APPLIANCE, 'netbackup-appliance-os': APPLIANCE, 'nutanix-aos': APPLIANCE, 'nutanix-files': APPLIANCE, 'nutanix-prism': APPLIANCE,
  'sns-firmware': APPLIANCE, 'sns-smc': APPLIANCE, 'vmware-esxi': APPLIANCE, 'xcp-ng': APPLIANCE, 'proxmox-ve': APPLIANCE,
  'proxmox-backup-server': APPLIANCE, 'proxmox-mail-gateway': APPLIANCE, 'proxmox-datacenter-manager': APPLIANCE, 'ibm-i': APPLIANCE,
  'vmware-cloud-foundation': APPLIANCE, 'vmware-vcenter': APPLIANCE, 'vmware-srm': APPLIANCE, 'vmware-harbor-registry': APPLIANCE, 'omnissa-horizon': NO_VERSION_MAP,
  cos: 'Google Container-Optimized OS runs only as a cloud VM image',
  clearlinux: 'Clear Linux is rolling: its one cycle ("current") is no version',
  yocto: 'a build system for embedded images, not an installed OS',
  'freedesktop-sdk': 'a Flatpak runtime, judged through the Flatpak, not installed as a program',
  'kde-plasma': COVERED('distribution (its packages follow the OS)'),
  'linux-kernel': COVERED('distribution (kernel packages follow the OS)'),
  'windows-embedded': NO_VERSION_MAP, 'windows-nano-server': COVERED('windows-server'), 'windows-server-core': COVERED('windows-server'),
  'ibm-aix': NO_VERSION_MAP, 'antix-linux': NO_VERSION_MAP, mxlinux: NO_VERSION_MAP, zentyal: NO_VERSION_MAP,
  'nvidia-driver': NO_VERSION_MAP, msexchange: NO_VERSION_MAP, sharepoint: NO_VERSION_MAP, 'azure-devops-server': NO_VERSION_MAP,
  'ros-2': NO_VERSION_MAP, ros: NO_VERSION_MAP, 'citrix-vad': NO_VERSION_MAP, filemaker: NO_VERSION_MAP, 'github-actions-runner-images': CLOUD,
  'alibaba-ack': CLOUD, 'amazon-eks': CLOUD, 'azure-kubernetes-service': CLOUD, 'google-kubernetes-engine': CLOUD, 'red-hat-openshift': CLOUD,
  'amazon-aurora-postgresql': CLOUD, 'amazon-documentdb': CLOUD, 'amazon-elasticache-redis': CLOUD, 'amazon-glue': CLOUD, 'amazon-mq-activemq': CLOUD,
  'amazon-mq-rabbitmq': CLOUD, 'amazon-msk': CLOUD, 'amazon-neptune': CLOUD, 'amazon-opensearch': CLOUD, 'amazon-rds-mariadb': CLOUD,
  'amazon-rds-mysql': CLOUD, 'amazon-rds-postgresql': CLOUD, 'aws-lambda': CLOUD, 'azure-database-for-mysql': CLOUD, 'azure-database-for-postgresql': CLOUD,
  'anthropic-claude': 'an AI model served by its provider', looker: CLOUD, 'cloud-sql-auth-proxy': CLOUD,
  'alibaba-dragonwell': NO_VERSION_MAP, 'openjdk-builds-from-oracle': 'installed under the name "OpenJDK", which every other OpenJDK build also uses: too ambiguous to match',
  'windows-powershell': COVERED('Windows (it ships and is serviced with the OS)'),
};

export type Inclusion = { included: true } | { included: false; why: string };

export function inclusionOf(p: EolProduct): Inclusion {
  const category = LEFT_OUT_CATEGORIES[p.category];
  if (category) return { included: false, why: category };
  const why = LEFT_OUT[p.product];
  return why ? { included: false, why } : { included: true };
}
