; The Windows installer of the Mechplan desktop app (NSIS 3, 64-bit).
; scripts/package-windows.sh builds it:
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.1 -DEXE=Mechplan.exe -DSRC=DIR \
;            -DICON=mechplan.ico -DOUTFILE=mechplan-setup.exe mechplan.nsi
;
; It installs for the current user, without administrator rights, into
; %LOCALAPPDATA%\Programs\Mechplan (as per-user installers of other desktop
; apps do), adds a Start-menu entry and registers an uninstaller under
; "Apps and features". Silent: mechplan-setup.exe /S [/D=C:\path\to\dir]
; (/D must come last and be unquoted, as NSIS requires).

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"

!define APP "Mechplan"
!define APPID "org.mechplan.desktop"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=1033 "ProductName" "${APP}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP} ${VERSION} setup"
VIAddVersionKey /LANG=1033 "LegalCopyright" "The Mechplan developers"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The app speaks English, French and Spanish; so does its installer.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "Spanish"

Section "Install"
	SetShellVarContext current
	SetOutPath "$INSTDIR"
	File "/oname=${EXE}" "${SRC}/${EXE}"
	WriteUninstaller "$INSTDIR\uninstall.exe"
	CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

	WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APP}"
	WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
	WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "The Mechplan developers"
	WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXE}"
	WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
	WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
	WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
	WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

; The uninstaller removes the program and its entries. The user's scenario
; files and exports stay where the user saved them; the app's settings and
; autosaves (under %APPDATA%\fyne\org.mechplan.desktop) stay too, so a
; reinstall finds them.
Section "Uninstall"
	SetShellVarContext current
	Delete "$SMPROGRAMS\${APP}.lnk"
	Delete "$INSTDIR\${EXE}"
	Delete "$INSTDIR\uninstall.exe"
	RMDir "$INSTDIR"
	DeleteRegKey HKCU "${UNINSTKEY}"
SectionEnd
