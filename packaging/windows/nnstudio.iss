; Inno Setup 6 script: Windows installer over the PyInstaller one-folder bundle.
;
;   pyinstaller --noconfirm --clean --distpath dist --workpath build packaging\nnstudio.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\nnstudio.iss
;   -> dist\nnstudio-0.1.0-windows-x64-setup.exe
;
; Optional code signing (release.yml does this only when the certificate secret
; exists): define UseSignTool and pass the tool, e.g.
;   iscc /DUseSignTool "/Snnsign=signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /f cert.pfx /p PASS $f" ...
;
; What it does: installs to Program Files (or per-user without admin), Start
; menu entry, optional desktop icon, registers .nnstudio (application/x-nnstudio)
; to open with nnstudio.exe "%1", and uninstalls all of it (files, shortcuts,
; association) from "Apps & features".

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "nnstudio"
#define AppExe "nnstudio.exe"
#define ProgId "nnstudio.project"
#define BundleDir "..\..\dist\nnstudio"

[Setup]
; AppId identifies the app for upgrades/uninstall: never change it.
AppId={{8C0B7C52-6E1A-4B7E-9D0F-3A1E5D2C7B41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=nnstudio developers
AppPublisherURL=https://github.com/nnstudio/nnstudio
AppComments=Build, train and see small neural networks
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; admin install by default, per-user install offered when not elevated
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=nnstudio-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\app\nnstudio.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
ChangesAssociations=yes
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
#ifdef UseSignTool
SignTool=nnsign
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(CompilerPath) + "Languages\Korean.isl")
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "Open .nnstudio project files with nnstudio"; GroupDescription: "File association:"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade must not keep libraries a newer bundle no longer ships
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Build, train and see small neural networks"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .nnstudio -> nnstudio.project (HKA = HKLM for admin installs, HKCU per-user)
Root: HKA; Subkey: "Software\Classes\.nnstudio"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.nnstudio"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-nnstudio"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.nnstudio"; ValueType: string; ValueName: "PerceivedType"; ValueData: "document"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.nnstudio\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "nnstudio project"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate
; "Open with" list + default-apps registration
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".nnstudio"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; files PyInstaller/Python may create at run time inside the install folder
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
