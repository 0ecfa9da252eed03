# Pester 5 tests of the rules a PowerShell module must keep, checked by PowerShell
# itself: the manifest (Test-ModuleManifest, Import-PowerShellDataFile), parameter
# metadata (Get-Command), the syntax of every script in the repository (PowerShell's
# own parser), and the few rules PowerShell would let pass (no password as a string,
# positions that would only clash at binding time, sets it cannot tell apart), plus
# the parameter contract of DESIGN.md. No server needed. Runs on Windows PowerShell
# 5.1 and PowerShell 7.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $manifest = Import-PowerShellDataFile -Path (Get-Pop3ToolsManifestPath)
    $cmdletNames = @($manifest.CmdletsToExport)
    $root = Split-Path -Parent (Get-Pop3ToolsManifestPath)
    # Build output and restored packages are not the repository's own scripts.
    $skipped = '[\\/](bin|obj|out|TestResults|node_modules|\.git)[\\/]'
    $scripts = @(Get-ChildItem -Path $root -Recurse -File -Include '*.ps1', '*.psd1', '*.psm1' |
        Where-Object { $_.FullName.Substring($root.Length) -notmatch $skipped } |
        ForEach-Object { @{ Path = $_.FullName; Name = $_.FullName.Substring($root.Length + 1) } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $manifestPath = Get-Pop3ToolsManifestPath
    $root = Split-Path -Parent $manifestPath
    $module = Import-Pop3ToolsModule
    $manifest = Import-PowerShellDataFile -Path $manifestPath
    $common = @([System.Management.Automation.PSCmdlet]::CommonParameters) + @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)
    $sessionType = (Get-Command -Name Connect-Pop3).OutputType[0].Type
}

AfterAll {
    Remove-Module -Name Pop3Tools -Force -ErrorAction SilentlyContinue
}

Describe 'Every PowerShell file in the repository' {
    It '<Name> parses without errors' -ForEach $scripts {
        $tokens = $null
        $errors = $null
        [void] [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref] $tokens, [ref] $errors)
        @($errors | ForEach-Object { '{0}:{1}: {2}' -f $_.Extent.StartLineNumber, $_.Extent.StartColumnNumber, $_.Message }) | Should -BeNullOrEmpty
    }
}

Describe 'The manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports cmdlets by name only, and nothing else' {
        $manifest.CmdletsToExport | Should -Not -Contain '*'
        @($manifest.FunctionsToExport).Count | Should -Be 0
        @($manifest.AliasesToExport).Count | Should -Be 0
        @($manifest.VariablesToExport).Count | Should -Be 0
    }

    It 'declares both editions, PowerShell 5.1 and .NET Framework 4.7.2' {
        @($manifest.CompatiblePSEditions | Sort-Object) -join ',' | Should -Be 'Core,Desktop'
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.DotNetFrameworkVersion | Should -Be '4.7.2'
    }

    It 'keeps its GUID and the version the build stamps' {
        $manifest.GUID | Should -Be '1b60fbe9-a1dc-40ff-b3cf-0a1f0a1263a8'
        $props = [xml] (Get-Content -Raw -Path (Join-Path $root 'Directory.Build.props'))
        $version = @($props.Project.PropertyGroup | ForEach-Object { $_.Version } | Where-Object { $_ })[0]
        $manifest.ModuleVersion | Should -Be $version
    }

    It 'carries the gallery data: tags, links and release notes' {
        $data = $manifest.PrivateData.PSData
        foreach ($tag in 'PSEdition_Desktop', 'PSEdition_Core', 'POP3', 'Mail') {
            $data.Tags | Should -Contain $tag
        }
        $data.ProjectUri | Should -BeLike 'https://*'
        $data.LicenseUri | Should -BeLike 'https://*'
        $data.ReleaseNotes | Should -Not -BeNullOrEmpty
    }

    It 'names format files that exist beside it' {
        foreach ($format in @($manifest.FormatsToProcess)) {
            Join-Path $root $format | Should -Exist
        }
    }
}

Describe 'The engine' {
    It 'has no reference to PowerShell and holds no cmdlet' {
        $engine = $sessionType.Assembly
        @($engine.GetReferencedAssemblies().Name) | Should -Not -Contain 'System.Management.Automation'
        @($engine.GetExportedTypes() | Where-Object { $_.IsSubclassOf([System.Management.Automation.Cmdlet]) }) | Should -BeNullOrEmpty
    }
}

Describe 'Cmdlet <_>' -ForEach $cmdletNames {
    BeforeAll {
        $name = $_
        $command = Get-Command -Name $name -Module Pop3Tools
        $own = @($command.Parameters.Values | Where-Object { $common -notcontains $_.Name })
    }

    It 'has metadata PowerShell accepts (names, aliases and common parameters such as ProgressAction do not clash)' {
        # Get-Command builds the full parameter metadata and fails on any clash.
        { Get-Command -Name $name -Syntax -ErrorAction Stop } | Should -Not -Throw
    }

    It 'uses an approved verb' {
        @(Get-Verb).Verb | Should -Contain $command.Verb
    }

    It 'takes no password or token as plain text' {
        foreach ($parameter in $own) {
            $names = @($parameter.Name) + @($parameter.Aliases)
            if (@($names | Where-Object { $_ -like '*Credential' }).Count -gt 0) {
                $parameter.ParameterType | Should -Be ([System.Management.Automation.PSCredential])
            }
            if (@($names | Where-Object { $_ -like '*Password' -or $_ -like '*Token' -or $_ -like '*Secret' }).Count -gt 0) {
                $parameter.ParameterType | Should -Be ([System.Security.SecureString]) -Because "-$($parameter.Name) holds a secret"
            }
        }
    }

    It 'gives each position to one parameter per set (a clash would only show at binding time)' {
        foreach ($set in $command.ParameterSets) {
            $positions = @($set.Parameters | Where-Object { $_.Position -ge 0 } | ForEach-Object { $_.Position })
            @($positions | Sort-Object -Unique).Count | Should -Be $positions.Count -Because "set $($set.Name) repeats a position"
        }
    }

    It 'has a default set and a parameter of its own in each other set, when it has several' {
        $sets = @($command.ParameterSets)
        if ($sets.Count -lt 2) {
            return
        }
        @($sets | Where-Object IsDefault).Count | Should -Be 1
        # The default set may have no parameter of its own: PowerShell falls back to it.
        foreach ($set in @($sets | Where-Object { -not $_.IsDefault })) {
            $others = @($sets | Where-Object { $_.Name -ne $set.Name } | ForEach-Object { $_.Parameters.Name })
            @($set.Parameters.Name | Where-Object { $others -notcontains $_ }).Count | Should -BeGreaterThan 0 -Because "set $($set.Name) must be told apart"
        }
    }

    It 'binds -Session by property name, optionally, in every set' {
        if (-not $command.Parameters.ContainsKey('Session')) {
            return
        }
        $session = $command.Parameters['Session']
        $session.ParameterType | Should -Be $sessionType
        foreach ($set in $command.ParameterSets) {
            $inSet = @($set.Parameters | Where-Object Name -eq 'Session')[0]
            $inSet | Should -Not -BeNullOrEmpty
            $inSet.ValueFromPipelineByPropertyName | Should -BeTrue
            $inSet.IsMandatory | Should -BeFalse
        }
    }

    It 'has views that name properties its output types have' {
        foreach ($outputType in @($command.OutputType)) {
            foreach ($view in @((Get-FormatData -TypeName $outputType.Name).FormatViewDefinition)) {
                $items = @()
                if ($view.Control -is [System.Management.Automation.TableControl]) {
                    $items = @($view.Control.Rows | ForEach-Object { $_.Columns } | ForEach-Object { $_.DisplayEntry })
                }
                foreach ($entry in @($items | Where-Object { $_.ValueType -eq 'Property' })) {
                    $outputType.Type.GetProperty($entry.Value) | Should -Not -BeNullOrEmpty -Because "$($view.Name) shows $($entry.Value)"
                }
            }
        }
    }
}

Describe 'The parameters DESIGN.md promises' {
    BeforeAll {
        function Get-Parameter {
            param([string] $Command, [string] $Name)
            (Get-Command -Name $Command).Parameters[$Name]
        }
        function Get-OwnSets {
            param([string] $Command, [string] $Name)
            @((Get-Parameter $Command $Name).ParameterSets.Keys | Where-Object { $_ -ne '__AllParameterSets' })
        }
    }

    It 'Connect-Pop3 takes the server first, and a credential or a token in separate sets' {
        $connect = Get-Command -Name Connect-Pop3
        $types = @{
            Server = [string]; Port = [int]; CertificateThumbprint = [string]; TimeoutSeconds = [int]
            SkipCertificateCheck = [switch]; AllowInsecureAuthentication = [switch]
            Credential = [pscredential]; UserName = [string]; AccessToken = [securestring]
        }
        foreach ($key in $types.Keys) {
            (Get-Parameter Connect-Pop3 $key).ParameterType | Should -Be $types[$key] -Because "-$key"
        }
        (Get-Parameter Connect-Pop3 Security).ParameterType.Name | Should -Be 'Pop3Security'
        (Get-Parameter Connect-Pop3 Authentication).ParameterType.Name | Should -Be 'Pop3AuthenticationMethod'
        $credentialSets = @(Get-OwnSets Connect-Pop3 Credential)
        $tokenSets = @(Get-OwnSets Connect-Pop3 AccessToken)
        $credentialSets.Count | Should -Be 1
        $tokenSets.Count | Should -Be 1
        $credentialSets[0] | Should -Be $connect.DefaultParameterSet
        @(Get-OwnSets Connect-Pop3 UserName) | Should -Be $tokenSets
        (Get-Parameter Connect-Pop3 Credential).ParameterSets[$credentialSets[0]].IsMandatory | Should -BeTrue
        (Get-Parameter Connect-Pop3 AccessToken).ParameterSets[$tokenSets[0]].IsMandatory | Should -BeTrue
    }

    It 'Get-Pop3Message and Remove-Pop3Message name messages by -Number or -Uid in sets of their own' {
        foreach ($command in 'Get-Pop3Message', 'Remove-Pop3Message') {
            (Get-Parameter $command Number).ParameterType | Should -Be ([int[]])
            (Get-Parameter $command Uid).ParameterType | Should -Be ([string[]])
            $numberSets = @(Get-OwnSets $command Number)
            $uidSets = @(Get-OwnSets $command Uid)
            $numberSets.Count | Should -Be 1
            $uidSets.Count | Should -Be 1
            $numberSets[0] | Should -Not -Be $uidSets[0]
        }
        (Get-Parameter Get-Pop3Message NoHeaders).ParameterType | Should -Be ([switch])
        (Get-Parameter Get-Pop3Message First) | Should -Not -BeNullOrEmpty
        (Get-Parameter Remove-Pop3Message All).ParameterType | Should -Be ([switch])
        (Get-Parameter Remove-Pop3Message PassThru).ParameterType | Should -Be ([switch])
        foreach ($set in (Get-Parameter Remove-Pop3Message Uid).ParameterSets.Values) {
            $set.ValueFromPipelineByPropertyName | Should -BeTrue
        }
    }

    It 'Remove-Pop3Message confirms with a high impact' {
        $type = (Get-Command -Name Remove-Pop3Message).ImplementingType
        $attribute = @($type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false))[0]
        $attribute.SupportsShouldProcess | Should -BeTrue
        $attribute.ConfirmImpact | Should -Be ([System.Management.Automation.ConfirmImpact]::High)
    }

    It 'Disconnect-Pop3 commits or discards and can pass the session through' {
        (Get-Parameter Disconnect-Pop3 Discard).ParameterType | Should -Be ([switch])
        (Get-Parameter Disconnect-Pop3 PassThru).ParameterType | Should -Be ([switch])
        (Get-Command -Name Disconnect-Pop3).OutputType[0].Type | Should -Be $sessionType
    }
}

Describe 'The help file' {
    BeforeAll {
        $maml = [xml] (Get-Content -Raw -Path (Join-Path $root 'en-US/Pop3Tools.dll-Help.xml'))
        $entries = @($maml.helpItems.command | ForEach-Object { $_.details.name })
    }

    It 'has one entry per exported cmdlet and no other' {
        (@($entries | Sort-Object) -join ',') | Should -Be (@($manifest.CmdletsToExport | Sort-Object) -join ',')
    }

    It 'documents no parameter a cmdlet does not have' {
        foreach ($entry in @($maml.helpItems.command)) {
            $command = Get-Command -Name $entry.details.name
            foreach ($parameter in @($entry.parameters.parameter | Where-Object { $null -ne $_ })) {
                $command.Parameters.ContainsKey($parameter.name) | Should -BeTrue -Because "$($entry.details.name) documents -$($parameter.name)"
            }
        }
    }

    It 'comes with about_Pop3Tools on sessions, deletion and security' {
        $about = Get-Help -Name about_Pop3Tools | Out-String
        foreach ($topic in 'SESSIONS', 'DELETION', 'SECURITY') {
            $about | Should -BeLike "*$topic*"
        }
    }
}
