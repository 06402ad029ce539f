; Inno Setup 6 script: a per-user installer (no admin rights) for the PyInstaller app folder.
; Built by build.ps1 when Inno Setup is installed, or: ISCC.exe /DAppVersion=0.1.0 mgc-desktop.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{7B0E5E0C-5B1F-4F0A-9C43-6D2C3A1E8B11}
AppName=MGC Desktop
AppVersion={#AppVersion}
AppPublisher=The mgc-desktop authors
DefaultDirName={localappdata}\Programs\mgc-desktop
DefaultGroupName=MGC Desktop
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=mgc-desktop-{#AppVersion}-windows-x86_64-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\mgc-desktop.exe
WizardStyle=modern

[Files]
Source: "..\..\dist\mgc-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\MGC Desktop"; Filename: "{app}\mgc-desktop.exe"
Name: "{userdesktop}\MGC Desktop"; Filename: "{app}\mgc-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\mgc-desktop.exe"; Description: "Start MGC Desktop"; Flags: nowait postinstall skipifsilent
