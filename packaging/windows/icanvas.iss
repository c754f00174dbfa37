; iCanvas for families: a per-user installer (no administrator rights) made with Inno Setup 6 from the
; PyInstaller bundle (`pyinstaller build.spec` -> dist\icanvas). UNTESTED here: built by
; .github/workflows/release.yml on windows-latest.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\icanvas.iss      -> dist\iCanvas-0.1.0-setup.exe
;   iCanvas-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART     (silent, for this user)
;   "%LOCALAPPDATA%\Programs\iCanvas\unins000.exe" /VERYSILENT            (silent removal)
;
; A child's drawings live in their data folder and Pictures\iCanvas, never under {app}: removing the app
; leaves them.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define BundleDir "..\..\dist\icanvas"

[Setup]
AppId={{6F0C2B6E-4F0B-4D8B-9C55-1C2E7A0F9A11}
AppName=iCanvas
AppVersion={#AppVersion}
AppPublisher=iCanvas
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\iCanvas
DefaultGroupName=iCanvas
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=iCanvas-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\app.ico
UninstallDisplayIcon={app}\icanvas.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"

[Files]
Source: "{#BundleDir}\icanvas.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\iCanvas"; Filename: "{app}\icanvas.exe"
Name: "{autodesktop}\iCanvas"; Filename: "{app}\icanvas.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\icanvas.exe"; Description: "{cm:LaunchProgram,iCanvas}"; Flags: nowait postinstall skipifsilent
