@echo off
rem Installs estatewatch's collection script on a Windows machine the agent cannot run on
rem (Windows 7 SP1, Server 2008 R2: PowerShell 2.0 and no Node.js) as a nightly task run as
rem SYSTEM that leaves the machine's inventory in a drop folder, a share the hub imports
rem (ESTATEWATCH_DROP_DIR on the hub). Nothing is sent over the network but that file.
rem
rem   install-collector.cmd \\fileserver\estatewatch-drop [HH:MM]
rem
rem Run as an administrator. The share must let this computer's account write
rem (e.g. Domain Computers: Modify). See docs/agents.md, "Machines the agent cannot run on".
setlocal
if "%~1"=="" (
  echo usage: %~nx0 \\server\share [HH:MM] 1>&2
  exit /b 2
)
set "DROP=%~1"
set "AT=%~2"
if "%AT%"=="" set "AT=02:00"
set "DEST=%ProgramFiles%\estatewatch"
if not exist "%DEST%" mkdir "%DEST%" || exit /b 1
copy /y "%~dp0..\..\estatewatch-collect.ps1" "%DEST%\estatewatch-collect.ps1" >nul || exit /b 1
rem schtasks /TR takes at most 261 characters: a runner beside the script holds the long line.
> "%DEST%\run-collect.cmd" echo @"%SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe" -NoLogo -NoProfile -NonInteractive -InputFormat None -OutputFormat Text -ExecutionPolicy RemoteSigned -File "%DEST%\estatewatch-collect.ps1" -DropFolder "%DROP%"
schtasks /Create /F /TN "estatewatch collect" /SC DAILY /ST %AT% /RU SYSTEM /RL HIGHEST /TR "\"%DEST%\run-collect.cmd\"" || exit /b 1
echo estatewatch collector installed. Run it now: schtasks /Run /TN "estatewatch collect"
