; Inno Setup script for Backprop Playground (Windows). Build after the PyInstaller spec:
;   iscc /DAppVersion=0.1.0 /DDistDir=..\..\build\dist\BackpropPlayground packaging\windows\installer.iss
; Output: build\installer\BackpropPlayground-<version>-setup.exe
; Per-user install by default (no administrator needed in a workshop), Start-menu entry for the
; window, the command-line executable next to it, optional desktop icon, clean uninstall.
; Not run on the Linux build machine (see packaging/README.md).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\build\dist\BackpropPlayground"
#endif

[Setup]
AppId={{6B0E3C1E-4C7A-4E57-9B3D-2D6F0B8A1C14}
AppName=Backprop Playground
AppVersion={#AppVersion}
AppPublisher=Backprop Playground developers
DefaultDirName={autopf}\Backprop Playground
DefaultGroupName=Backprop Playground
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build\installer
OutputBaseFilename=BackpropPlayground-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\BackpropPlayground.exe
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Backprop Playground"; Filename: "{app}\BackpropPlayground.exe"
Name: "{group}\{cm:UninstallProgram,Backprop Playground}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Backprop Playground"; Filename: "{app}\BackpropPlayground.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\BackpropPlayground.exe"; Description: "{cm:LaunchProgram,Backprop Playground}"; Flags: nowait postinstall skipifsilent
