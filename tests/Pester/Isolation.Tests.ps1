# Pop3Tools never clashes with another module's MimeKit (DESIGN.md, Dependencies). Each
# case runs in a fresh PowerShell process (Isolation.Child.ps1): a stand-in assembly
# named MimeKit, with a lower version and its own member, is compiled here and loaded
# before or after Pop3Tools; both must go on working. The listing of the lab mailbox is
# MimeKit at work (Get-Pop3Message parses headers with it, Receive-Pop3Message whole
# messages) and must match the listing of a process that never saw the stand-in. Windows PowerShell 5.1-compatible; the load
# context checks are PowerShell 7 only.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $lab = Get-Pop3TestLab
    $noLab = -not $lab.Available
    $desktop = $PSEdition -ne 'Core'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $lab = Get-Pop3TestLab
    $moduleBin = [System.IO.Path]::Combine((Split-Path (Get-Pop3ToolsManifestPath)), 'bin')

    # The same PowerShell as this one, in a new process: `dotnet pwsh` runs as dotnet + pwsh.dll.
    $hostPath = (Get-Process -Id $PID).Path
    $hostArguments = @()
    if ([System.IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') {
        $hostArguments = @([Environment]::GetCommandLineArgs()[0])
    }

    function Invoke-FreshPowerShell {
        param([string[]] $Arguments)
        $output = & $hostPath @hostArguments -NoProfile -NonInteractive @Arguments 2>&1
        if ($LASTEXITCODE -ne 0) {
            throw "The child PowerShell failed (exit $LASTEXITCODE): $($output -join [Environment]::NewLine)"
        }
    }

    # No binary in the repository: the stand-in is compiled here, by a child process so
    # that this one never loads it.
    $standIn = Join-Path $TestDrive 'standin/MimeKit.dll'
    $null = New-Item -ItemType Directory -Path (Split-Path $standIn)
    $source = @'
[assembly: System.Reflection.AssemblyVersion("1.0.0.0")]
namespace MimeKit
{
    public static class StandIn
    {
        public static string Greet() { return "stand-in MimeKit 1.0"; }
    }

    public class MimeMessage { }
}
'@
    $sourcePath = Join-Path $TestDrive 'standin/MimeKit.cs'
    Set-Content -Path $sourcePath -Value $source
    $child = Join-Path $PSScriptRoot 'Isolation.Child.ps1'
    Invoke-FreshPowerShell -Arguments @('-File', $child, '-Case', 'CompileStandIn', '-StandInPath', $standIn, '-ResultPath', $sourcePath)

    function Invoke-IsolationCase {
        param([string] $Case)
        $resultPath = Join-Path $TestDrive "$Case.json"
        $arguments = @('-File', $child, '-Case', $Case, '-StandInPath', $standIn, '-ResultPath', $resultPath)
        if ($lab.Available) {
            $arguments += '-UseLab'
        }
        Invoke-FreshPowerShell -Arguments $arguments
        Get-Content -Raw -Path $resultPath | ConvertFrom-Json
    }

    function Get-Loaded {
        param($Result, [string] $Name)
        @($Result.Loaded | Where-Object { $_.Name -eq $Name })
    }

    # The module's MimeKit: its own file, from the module's bin/.
    function Get-ModuleMimeKit {
        param($Result)
        @(Get-Loaded $Result 'MimeKit' | Where-Object { $_.Location.StartsWith($moduleBin) })
    }

    $standInFirst = Invoke-IsolationCase -Case StandInFirst
    $moduleFirst = Invoke-IsolationCase -Case ModuleFirst
    $importTwice = Invoke-IsolationCase -Case ImportTwice

    # The listing of a process that never saw the stand-in.
    $expectedListing = @((Invoke-IsolationCase -Case ModuleOnly).Listings) | Select-Object -First 1
}

AfterAll {
    Remove-Module -Name Pop3Tools -Force -ErrorAction SilentlyContinue
}

Describe 'Another MimeKit loaded before Pop3Tools' {
    It 'leaves the other copy working' {
        $standInFirst.StandInGreetings | Should -Be @('stand-in MimeKit 1.0', 'stand-in MimeKit 1.0')
    }

    It 'lists the mailbox through the module''s own MimeKit' -Skip:$noLab {
        $standInFirst.Listings | Should -Be @($expectedListing)
        $expectedListing | Should -Not -BeNullOrEmpty
        (Get-ModuleMimeKit $standInFirst).Count | Should -Be 1
        [version] (Get-ModuleMimeKit $standInFirst)[0].Version | Should -BeGreaterThan ([version] '4.0')
    }

    It 'keeps the module''s MimeKit out of PowerShell''s default load context' -Skip:($noLab -or $desktop) {
        # Skipped on Windows PowerShell 5.1, which has no load contexts, and without the lab.
        (Get-ModuleMimeKit $standInFirst)[0].Context | Should -Be 'Pop3Tools'
        @(Get-Loaded $standInFirst 'MimeKit' | Where-Object { $_.Context -eq 'Default' }).Location | Should -Be @($standIn)
    }
}

Describe 'Another MimeKit loaded after Pop3Tools' {
    It 'loads and works' {
        $moduleFirst.StandInGreetings | Should -Be @('stand-in MimeKit 1.0')
    }

    It 'leaves the module listing the mailbox, before and after' -Skip:$noLab {
        $moduleFirst.Listings | Should -Be @($expectedListing, $expectedListing)
        (Get-ModuleMimeKit $moduleFirst).Count | Should -Be 1
    }

    It 'finds the default load context free of the engine and of the module''s MimeKit' -Skip:$desktop {
        # Skipped on Windows PowerShell 5.1, which has no load contexts.
        @(Get-Loaded $moduleFirst 'Pop3Tools.Engine').Context | Should -Be @('Pop3Tools')
        @(Get-Loaded $moduleFirst 'MimeKit' | Where-Object { $_.Context -eq 'Default' }).Location | Should -Be @($standIn)
    }
}

Describe 'Import-Module -Force and Remove-Module' {
    It 'keep exporting exactly the cmdlets, with their help' {
        $manifest = Import-PowerShellDataFile -Path (Get-Pop3ToolsManifestPath)
        ($importTwice.Exported -join ', ') | Should -Be ((@($manifest.CmdletsToExport) | Sort-Object) -join ', ')
        $importTwice.Synopsis | Should -Not -Match 'Connect-Pop3 \['
        $importTwice.Synopsis | Should -Not -BeNullOrEmpty
    }

    It 'close open sessions on Remove-Module and list again after a re-import' -Skip:$noLab {
        $importTwice.SessionOpenAfterRemove | Should -BeFalse
        $importTwice.Listings | Should -Be @($expectedListing, $expectedListing)
    }

    It 'reuse one load context for every import' -Skip:$desktop {
        # Skipped on Windows PowerShell 5.1, which has no load contexts.
        $importTwice.ContextsNamedPop3Tools | Should -Be 1
        @(Get-Loaded $importTwice 'Pop3Tools.Engine').Count | Should -Be 1
    }
}

Describe 'The module folder' {
    BeforeAll {
        $module = Import-Pop3ToolsModule
        if ($PSEdition -eq 'Core') {
            $framework = Join-Path $moduleBin 'net8.0'
            $dependencies = Join-Path $framework 'dependencies'
        }
        else {
            $framework = Join-Path $moduleBin 'net472'
            $dependencies = $framework
        }
        $cmdlets = (Get-Command -Name Connect-Pop3).ImplementingType.Assembly
    }

    It 'ships no System.Management.Automation: PowerShell brings its own' {
        @(Get-ChildItem -Path $moduleBin -Recurse -Filter 'System.Management.Automation.dll') | Should -BeNullOrEmpty
    }

    It 'holds the engine, MimeKit and BouncyCastle beside the cmdlets for this edition' {
        $names = @(Get-ChildItem -Path $dependencies -Filter '*.dll' | ForEach-Object { $_.Name })
        foreach ($name in 'Pop3Tools.Engine.dll', 'MimeKit.dll', 'BouncyCastle.Cryptography.dll') {
            $names | Should -Contain $name
        }
    }

    It 'keeps the cmdlets alone where PowerShell 7 loads them' -Skip:$desktop {
        # Skipped on Windows PowerShell 5.1, whose folder holds everything side by side.
        @(Get-ChildItem -Path $framework -Filter '*.dll' | ForEach-Object { $_.Name }) | Should -Be @('Pop3Tools.dll')
    }

    It 'references no shipped assembly from the cmdlets but the engine (any other would load beside other modules'' copies)' {
        $shipped = @(Get-ChildItem -Path $dependencies -Recurse -Filter '*.dll' | ForEach-Object { $_.BaseName } | Where-Object { $_ -ne 'Pop3Tools' })
        $references = @($cmdlets.GetReferencedAssemblies() | ForEach-Object { $_.Name })
        $references | Should -Contain 'Pop3Tools.Engine'
        @($references | Where-Object { $_ -ne 'Pop3Tools.Engine' -and $shipped -contains $_ }) | Should -BeNullOrEmpty
    }
}
