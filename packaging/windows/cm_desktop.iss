; Inno Setup 6 script for CM Desktop's Windows installer (needs Inno Setup 6.3 or newer for x64compatible).
;
;   python scripts\translations.py build
;   python packaging\windows\version_info.py
;   pyinstaller --noconfirm --clean --distpath build\dist --workpath build\work packaging\cm_desktop.spec
;   ISCC.exe /DAppVersion=1.2.3 packaging\windows\cm_desktop.iss
;
; Output: dist\CM-Desktop-<version>-windows-x64-setup.exe. Paths below are relative to this file's folder.
; Signing: add /DSIGN and define a Sign Tool named "signtool" on the ISCC command line, for example
;   ISCC.exe /DSIGN "/Ssigntool=signtool.exe sign /sha1 <thumbprint> /fd sha256 /tr <timestamp url> /td sha256 $f" ...
; (.github/workflows/release.yml does this when the WINDOWS_CERT_PFX and WINDOWS_CERT_PASSWORD secrets exist).
; This file is UTF-8 with a byte-order mark: without it the compiler reads it as ANSI and mangles the French.

#ifndef AppVersion
  #error Pass the version on the command line: ISCC.exe /DAppVersion=1.2.3 cm_desktop.iss
#endif

#define AppName "CM Desktop"
#define AppExe "cm-desktop.exe"
#define Root "..\.."
#define Bundle Root + "\build\dist\cm-desktop"

#ifdef SIGN
  ; Sign the app's own executable too, not only Setup: SmartScreen and antivirus software judge both.
  #define SignFlag "signonce"
#else
  #define SignFlag ""
#endif

[Setup]
; Never change AppId: Windows finds the installed copy (for upgrades and uninstall) by it.
AppId={{3E5815C2-EF33-4A7E-92B0-EAD67DD8CA08}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; Per-user install, no administrator password: with lowest privileges {autopf} is
; %LOCALAPPDATA%\Programs and {autoprograms}/{autodesktop} are the person's own Start menu and desktop.
; No PrivilegesRequiredOverridesAllowed: an all-users install would run the uninstaller as an administrator,
; whose {localappdata} may not be the folder holding this person's data.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Qt 6 runs on 64-bit Windows 10 1809 and later only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir={#Root}\dist
OutputBaseFilename=CM-Desktop-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\build\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Pick English or French from Windows' display language; ask only when it is neither.
ShowLanguageDialog=auto
; Setup closes a running CM Desktop (Windows Restart Manager) before replacing its files. The app does not
; register for restart, so it is not reopened behind the person's back; the last page offers to open it.
CloseApplications=yes
RestartApplications=no
; The uninstaller does not use Restart Manager: it relies on this mutex to ask the person to quit the app
; first. It only takes effect once the app creates a named mutex of this name while it runs.
AppMutex=CMDesktop.SingleInstance
#ifdef SIGN
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
en.ShortcutsGroup=Shortcuts:
fr.ShortcutsGroup=Raccourcis :
en.DesktopIconTask=Put a CM Desktop shortcut on the desktop
fr.DesktopIconTask=Mettre un raccourci vers CM Desktop sur le Bureau
en.LaunchApp=Open CM Desktop now
fr.LaunchApp=Ouvrir CM Desktop maintenant
en.DeleteDataQuestion=Also delete my posts, settings and backups?%n%nThey are in this folder:%n%1%n%nChoose No to keep them: CM Desktop finds them again if you install it later.%nChoose Yes to erase them for good, together with the account connections CM Desktop saved in Windows' Credential Manager.
fr.DeleteDataQuestion=Supprimer aussi mes publications, mes réglages et mes sauvegardes ?%n%nIls se trouvent dans ce dossier :%n%1%n%nChoisissez Non pour les garder : CM Desktop les retrouvera si vous le réinstallez plus tard.%nChoisissez Oui pour les effacer définitivement, ainsi que les connexions aux comptes que CM Desktop a enregistrées dans le Gestionnaire d'identification de Windows.
en.DeleteDataFailed=Some of your files could not be deleted. You can delete this folder yourself:%n%1
fr.DeleteDataFailed=Certains de vos fichiers n'ont pas pu être supprimés. Vous pouvez supprimer ce dossier vous-même :%n%1

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIconTask}"; GroupDescription: "{cm:ShortcutsGroup}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole frozen runtime: files an older version shipped and this one no longer does
; would otherwise linger in _internal and could be loaded by mistake.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion {#SignFlag}
Source: "{#Bundle}\*"; Excludes: "\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[Code]
// The person's data is never removed unless they say so: platformdirs' user_data_dir("CM Desktop",
// appauthor=False) is %LOCALAPPDATA%\CM Desktop on Windows (not roaming), and user_log_dir adds \Logs inside
// it, so one folder holds the posts database, settings, media, backups and logs. (CM_DESKTOP_HOME, the
// portable override, is a folder the person chose: the uninstaller leaves it alone.)
var
  DeleteData: Boolean;

function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\CM Desktop');
end;

// The keyring library stores each secret as a generic Windows credential named "cm-desktop" or
// "<account>@cm-desktop". cmdkey lists them as "LegacyGeneric:target=<name>" (that part is not translated,
// unlike the "Target:" label before it) and deletes them by that same string. Best effort: a credential
// left behind is harmless and visible in Credential Manager; a failure must never stop the uninstall.
procedure DeleteSavedCredentials();
var
  CmdKey, ListFile, Line, Target, Prefix: String;
  Lines: TArrayOfString;
  I, P, ResultCode: Integer;
begin
  Prefix := 'legacygeneric:target=';
  CmdKey := ExpandConstant('{sys}\cmdkey.exe');
  ListFile := AddBackslash(GetTempDir()) + 'cm-desktop-credentials.txt';
  if not Exec(ExpandConstant('{cmd}'), '/C ""' + CmdKey + '" /list > "' + ListFile + '""', '', SW_HIDE,
      ewWaitUntilTerminated, ResultCode) then
    exit;
  if LoadStringsFromFile(ListFile, Lines) then
  begin
    for I := 0 to GetArrayLength(Lines) - 1 do
    begin
      Line := Trim(Lines[I]);
      P := Pos(Prefix, Lowercase(Line));
      if P > 0 then
      begin
        Target := Trim(Copy(Line, P + Length(Prefix), Length(Line)));
        if (CompareText(Target, 'cm-desktop') = 0) or
           ((Length(Target) > 11) and (CompareText(Copy(Target, Length(Target) - 10, 11), '@cm-desktop') = 0)) then
          Exec(CmdKey, '"/delete:LegacyGeneric:target=' + Target + '"', '', SW_HIDE,
            ewWaitUntilTerminated, ResultCode);
      end;
    end;
  end;
  DeleteFile(ListFile);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  // Ask once the person has confirmed the uninstall; a silent uninstall (IT scripts) always keeps the data.
  if (CurUninstallStep = usUninstall) and not UninstallSilent() and DirExists(DataDir()) then
    DeleteData := MsgBox(FmtMessage(CustomMessage('DeleteDataQuestion'), [DataDir()]),
      mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  // Delete only after the program files are gone, so the app is certainly not running any more.
  if (CurUninstallStep = usPostUninstall) and DeleteData then
  begin
    DeleteSavedCredentials();
    if not DelTree(DataDir(), True, True, True) and DirExists(DataDir()) then
      MsgBox(FmtMessage(CustomMessage('DeleteDataFailed'), [DataDir()]), mbInformation, MB_OK);
  end;
end;
