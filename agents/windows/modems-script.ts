/** Dial-up and fax modems (Get-WmiObject: see OS_SCRIPT). No modem prints "[]". */
export const MODEMS_SCRIPT = String.raw`
ConvertTo-EwJsonArray @(Get-WmiObject -Class Win32_POTSModem) @('Name', 'Model', 'ProviderName', 'AttachedTo', 'DeviceID', 'PNPDeviceID')
`;
