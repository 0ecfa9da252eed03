#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests, packages or cleans Pop3Tools.

.DESCRIPTION
    Build   : compiles the solution; the module lands in bin/ (the loader, then
              net8.0/ for PowerShell 7 and net472/ for Windows PowerShell 5.1) and
              en-US/ beside Pop3Tools.psd1, so Import-Module ./Pop3Tools.psd1 works at once.
    Test    : builds, runs the xunit suites (they start a private Dovecot), then
              the Pester suite when Pester 5 is installed.
    Package : lays out out/Pop3Tools/<version>/ ready for Publish-Module and checks
              it with Test-ModuleManifest.
    Clean   : removes all build output.

.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$solution = Join-Path $root 'Pop3Tools.sln'

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$Command $($Arguments -join ' ') failed with exit code $LASTEXITCODE"
    }
}

function Invoke-Build {
    Invoke-Native dotnet @('build', $solution, '-c', $Configuration)
}

function Invoke-Test {
    Invoke-Build
    $results = Join-Path $root 'TestResults'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }

    # xunit first; a failure there must not hide the Pester results, so both run.
    # Category=FullSweep (a cut at every byte of an export) takes many minutes: run it
    # on its own with `dotnet test --filter Category=FullSweep`, never in the default run.
    & dotnet test $solution -c $Configuration --no-build --filter 'Category!=FullSweep' --logger trx --results-directory $results `
        --blame-hang-timeout 5m --blame-hang-dump-type none
    $xunitExit = $LASTEXITCODE

    Import-PesterModule
    $lab = Start-TestLab
    try {
        $config = New-PesterConfiguration
        $config.Run.Path = Join-Path $root 'tests/Pester'
        $config.Run.Exit = $false
        $config.Run.PassThru = $true
        $config.Output.Verbosity = 'Detailed'
        $config.TestResult.Enabled = $true
        $config.TestResult.OutputFormat = 'NUnitXml'
        $config.TestResult.OutputPath = Join-Path $results 'pester.xml'
        $pester = Invoke-Pester -Configuration $config
    }
    finally {
        Stop-TestLab $lab
    }
    Write-TestSummary -Results $results -Pester $pester -XunitExit $xunitExit
}

# Pester 5.7.1 comes from NuGet (the PowerShell Gallery may be out of reach): a
# restore of tests/Pester/Package puts the module in the NuGet package folder.
function Import-PesterModule {
    $package = Join-Path $root 'tests/Pester/Package/Pester.Package.csproj'
    Invoke-Native dotnet @('restore', $package, '--verbosity', 'quiet')
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $manifest = Join-Path $packages.Trim() 'pester/5.7.1/tools/Pester.psd1'
    Import-Module $manifest -Force -ErrorAction Stop
}

# One line for both suites, 'N passed, N failed' (skips counted apart, never as passes).
function Write-TestSummary {
    param([string] $Results, $Pester, [int] $XunitExit)
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($trx in Get-ChildItem -Path $Results -Filter '*.trx' -Recurse) {
        $counters = ([xml] (Get-Content -Raw $trx.FullName)).TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $skipped += [int] $counters.notExecuted
    }
    # A crashed test host or a broken build may leave no TRX behind: count it.
    $trxCount = @(Get-ChildItem -Path $Results -Filter '*.trx' -Recurse).Count
    if (($XunitExit -ne 0 -and $failed -eq 0) -or $trxCount -eq 0) { $failed += 1 }
    $passed += $Pester.PassedCount
    $failed += $Pester.FailedCount + $Pester.FailedBlocksCount + $Pester.FailedContainersCount
    $skipped += $Pester.SkippedCount + $Pester.NotRunCount
    Write-Host ("xunit exit {0}; Pester: {1} passed, {2} failed, {3} skipped" -f $XunitExit, $Pester.PassedCount, $Pester.FailedCount, $Pester.SkippedCount)
    $summary = '{0} passed, {1} failed' -f $passed, $failed
    if ($skipped -gt 0) { $summary += ', {0} skipped' -f $skipped }
    # The last line of the run, as CI reads it; the exit code says the same.
    Write-Host $summary
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

# The Pester suite talks to the same kind of private Dovecot the xunit suites
# use; the lab tool starts one and writes the POP3TOOLS_TEST_* settings. Where
# it cannot (no Dovecot, e.g. on Windows) the server tests report as skipped.
function Start-TestLab {
    $project = Join-Path $root 'tests/Pop3Tools.TestLab'
    $info = New-TemporaryFile
    # Start-Process joins its arguments with spaces and quotes nothing: quote the paths.
    $arguments = @('run', '-c', $Configuration, '--no-build', '--project', ('"' + $project + '"'), '--', '--info', ('"' + $info.FullName + '"'))
    $process = Start-Process dotnet -ArgumentList $arguments -PassThru -NoNewWindow
    $deadline = (Get-Date).AddMinutes(2)
    while ((Get-Item $info.FullName).Length -eq 0) {
        if ($process.HasExited -or (Get-Date) -gt $deadline) {
            Write-Warning 'The Dovecot test lab did not start (it needs Linux with dovecot-core and dovecot-pop3d): the Pester server tests will be skipped.'
            Stop-TestLab @{ Process = $process; Info = $info }
            return $null
        }
        Start-Sleep -Milliseconds 250
    }
    $names = @()
    foreach ($line in Get-Content $info.FullName) {
        $name, $value = $line -split '=', 2
        Set-Item -Path "env:$name" -Value $value
        $names += $name
    }
    return @{ Process = $process; Info = $info; Names = $names }
}

# Deleting the info file is the lab's stop signal: it then stops Dovecot cleanly,
# which killing `dotnet run` would not (the lab runs as its child process).
# The settings go too: left in the session, they would point a later run whose lab
# failed to start at this dead server instead of skipping the server tests.
function Stop-TestLab {
    param($Lab)
    if (-not $Lab) { return }
    foreach ($name in $Lab.Names) {
        Remove-Item -Path "env:$name" -ErrorAction SilentlyContinue
    }
    Remove-Item $Lab.Info.FullName -ErrorAction SilentlyContinue
    if (-not $Lab.Process.WaitForExit(30000)) { Stop-Process -Id $Lab.Process.Id }
}

# A PowerShell with the module imported and a session to the lab's sample mailbox
# (Japanese and multipart mail), for trying every cmdlet without a server of your own;
# the lab stops when that PowerShell exits.
function Invoke-Demo {
    Invoke-Build
    $lab = Start-TestLab
    if (-not $lab) {
        throw 'The demo needs the Dovecot lab (Linux with dovecot-core and dovecot-pop3d).'
    }
    try {
        $demo = Join-Path $root 'tests/Pop3Tools.TestLab/Demo.ps1'
        if ($PSVersionTable.PSEdition -eq 'Desktop') {
            & powershell.exe -NoLogo -NoProfile -NoExit -File $demo
        }
        else {
            # The repository's pinned PowerShell (.config/dotnet-tools.json).
            Push-Location $root
            try {
                Invoke-Native dotnet @('tool', 'restore', '--verbosity', 'quiet')
                & dotnet pwsh -NoLogo -NoProfile -NoExit -File $demo
            }
            finally {
                Pop-Location
            }
        }
    }
    finally {
        Stop-TestLab $lab
        Write-Host 'The demo lab has stopped.'
    }
}

function Invoke-Package {
    Invoke-Build
    $manifest = Import-PowerShellDataFile (Join-Path $root 'Pop3Tools.psd1')
    $target = Join-Path $root ('out/Pop3Tools/' + $manifest.ModuleVersion)
    if (Test-Path $target) { Remove-Item $target -Recurse -Force }
    $bin = New-Item -ItemType Directory -Path (Join-Path $target 'bin') -Force
    Copy-Item (Join-Path $root 'Pop3Tools.psd1'), (Join-Path $root 'LICENSE') $target
    Copy-Item (Join-Path $root 'en-US') $target -Recurse
    # Only what the build lays out now: a bin/ reused across builds may hold leftovers.
    foreach ($part in 'Pop3Tools.psm1', 'Pop3Tools.format.ps1xml', 'net8.0', 'net472') {
        Copy-Item (Join-Path $root "bin/$part") $bin.FullName -Recurse
    }
    # PowerShell brings its own System.Management.Automation; a shipped copy would shadow it.
    $automation = @(Get-ChildItem $target -Recurse -Filter 'System.Management.Automation.dll')
    if ($automation.Count -gt 0) { throw "The package must not contain $($automation[0].FullName)" }
    Test-ModuleManifest -Path (Join-Path $target 'Pop3Tools.psd1') -ErrorAction Stop | Out-Null
    Write-Host "Packaged $target"
}

function Invoke-Clean {
    Invoke-Native dotnet @('clean', $solution, '-c', $Configuration)
    foreach ($dir in 'bin', 'en-US', 'out', 'TestResults') {
        $path = Join-Path $root $dir
        if (Test-Path $path) { Remove-Item $path -Recurse -Force }
    }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Package' { Invoke-Package }
    'Clean' { Invoke-Clean }
}
