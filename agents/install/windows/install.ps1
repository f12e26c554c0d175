<#
.SYNOPSIS
  Installs the one-file estatewatch agent on Windows as a Scheduled Task and enrols it with the hub.
.EXAMPLE
  $env:ESTATEWATCH_ENROL_SECRET = '<secret>'; powershell -ExecutionPolicy Bypass -File install.ps1 -HubUrl https://estatewatch.trust.nhs.uk
.NOTES
  Run as an administrator. Needs Node.js 20 or later (node.exe on PATH, or -NodePath).
  The enrolment secret is read from ESTATEWATCH_ENROL_SECRET; -EnrolmentSecret <secret> also works, but
  puts it on the command line, which other users of the machine can read while the script runs.
  The task runs as SYSTEM at low priority, nightly at -At (default 02:00) with up to an hour's random delay.
  See docs/agents.md.
#>
param(
  [Parameter(Mandatory = $true)][string]$HubUrl,
  [string]$EnrolmentSecret = $env:ESTATEWATCH_ENROL_SECRET,
  [string]$At = '02:00',
  [string]$NodePath
)
$ErrorActionPreference = 'Stop'
if (-not $EnrolmentSecret) { throw 'give the enrolment secret in ESTATEWATCH_ENROL_SECRET (or -EnrolmentSecret)' }

$node = if ($NodePath) { $NodePath } else { (Get-Command node.exe).Source }
$dir = Join-Path $env:ProgramFiles 'estatewatch-agent'
$state = Join-Path $env:ProgramData 'estatewatch-agent'
$agent = Join-Path $dir 'estatewatch-agent.cjs'

New-Item -ItemType Directory -Force -Path $dir, $state | Out-Null
Copy-Item -Force (Join-Path $PSScriptRoot '..\..\estatewatch-agent.cjs') $agent
# Earlier builds named the agent estatewatch-agent.mjs; the task registered below runs the .cjs.
Remove-Item -Force -ErrorAction SilentlyContinue (Join-Path $dir 'estatewatch-agent.mjs')
# The collection script the agent runs with -File; sign it here if Group Policy asks for AllSigned (docs/agents.md).
Copy-Item -Force (Join-Path $PSScriptRoot '..\..\estatewatch-collect.ps1') (Join-Path $dir 'estatewatch-collect.ps1')
# The state folder holds the agent's token: SYSTEM and Administrators only.
icacls $state /inheritance:r /grant:r 'SYSTEM:(OI)(CI)F' 'Administrators:(OI)(CI)F' | Out-Null

# The secret goes through the environment, never onto a command line other users can read.
$env:ESTATEWATCH_ENROL_SECRET = $EnrolmentSecret
try {
  & $node $agent enrol --hub $HubUrl --state-dir $state
  if ($LASTEXITCODE -ne 0) { throw "enrolment failed (exit $LASTEXITCODE)" }
} finally {
  Remove-Item Env:ESTATEWATCH_ENROL_SECRET -ErrorAction SilentlyContinue
}

$action = New-ScheduledTaskAction -Execute $node -Argument "`"$agent`" --once --state-dir `"$state`""
$trigger = New-ScheduledTaskTrigger -Daily -At $At -RandomDelay (New-TimeSpan -Hours 1)
# Priority 7 = below normal: a ward PC's clinical work comes first.
$settings = New-ScheduledTaskSettingsSet -Priority 7 -ExecutionTimeLimit (New-TimeSpan -Minutes 30) -StartWhenAvailable `
  -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries -MultipleInstances IgnoreNew
$principal = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest
Register-ScheduledTask -TaskName 'estatewatch agent' -TaskPath '\estatewatch\' -Action $action -Trigger $trigger `
  -Settings $settings -Principal $principal -Force | Out-Null

Write-Output "estatewatch agent installed; first scan: Start-ScheduledTask -TaskPath '\estatewatch\' -TaskName 'estatewatch agent'"
