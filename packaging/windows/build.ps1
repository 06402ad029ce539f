# Build the Windows app folder dist\mgc-desktop\ (mgc-desktop.exe) and a zip of it, then run
# the built app's self-test. Optional: an installer with Inno Setup (see README.md).
# Run from anywhere in PowerShell 5+:  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs: Python 3.10-3.12 x64 from python.org on PATH as `py`, network access to PyPI, and
#        resources\models\genre_cnn_lstm.onnx in the checkout.
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $Root
$Venv = "$Root\build\venv-win"
$Model = "$Root\resources\models\genre_cnn_lstm.onnx"
if (-not (Test-Path $Model)) { throw "missing ${Model}: the app cannot ship without its model" }

if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
py -3 -m venv $Venv
$Py = "$Venv\Scripts\python.exe"
& $Py -m pip install --upgrade pip wheel setuptools
# Runtime dependencies only (not the train extra); Pillow converts the PNG
# icon to .ico for PyInstaller. On Windows the sounddevice wheel carries PortAudio itself.
$Deps = & $Py -c @"
import tomllib
p = tomllib.load(open('pyproject.toml', 'rb'))['project']
print('\n'.join(p['dependencies']))
print('\n'.join(p.get('optional-dependencies', {}).get('package', ['pyinstaller>=6.5'])))
"@
& $Py -m pip install @($Deps -split "`n" | Where-Object { $_ }) pillow
& $Py -m pip install --no-deps --no-build-isolation .
$Version = & $Py -c "import mgc_desktop; print(mgc_desktop.__version__)"

& $Py -m PyInstaller --noconfirm --distpath "$Root\dist" --workpath "$Root\build\pyinstaller-win" `
    "$Root\packaging\mgc-desktop.spec"
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

$Zip = "$Root\dist\mgc-desktop-$Version-windows-x86_64.zip"
if (Test-Path $Zip) { Remove-Item $Zip }
Compress-Archive -Path "$Root\dist\mgc-desktop" -DestinationPath $Zip

# The exe is a windowed (no console) app: its output goes nowhere, so the self-test result is
# read from the exit code.
$env:QT_QPA_PLATFORM = "offscreen"
$p = Start-Process -FilePath "$Root\dist\mgc-desktop\mgc-desktop.exe" -ArgumentList "--self-test" `
    -Wait -PassThru -NoNewWindow -RedirectStandardError "$Root\build\selftest-win.log"
Get-Content "$Root\build\selftest-win.log"
if ($p.ExitCode -ne 0) { throw "self-test failed ($($p.ExitCode))" }
Write-Host "built $Zip"

$Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
if (Test-Path $Iscc) {
    & $Iscc "/DAppVersion=$Version" "$Root\packaging\windows\mgc-desktop.iss"
}
