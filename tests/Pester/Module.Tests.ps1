# Pester 5 tests of the module as PowerShell loads it: exports, parameter metadata,
# help and format views. No server needed (the lab variables are described in
# Pop3TestLab.ps1 beside this file). Runs on Windows PowerShell 5.1 and PowerShell 7.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $manifest = Import-PowerShellDataFile -Path (Get-Pop3ToolsManifestPath)
    $cmdletNames = @($manifest.CmdletsToExport)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $module = Import-Pop3ToolsModule
    $manifest = Import-PowerShellDataFile -Path (Get-Pop3ToolsManifestPath)

    # Parameters PowerShell adds to a cmdlet: the common ones (ProgressAction on 7.4+),
    # WhatIf/Confirm/UseTransaction and the paging ones. Help need not describe them.
    $addedByPowerShell = @(
        'Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction',
        'ErrorVariable', 'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer',
        'PipelineVariable', 'WhatIf', 'Confirm', 'UseTransaction', 'First', 'Skip', 'IncludeTotalCount'
    )
}

AfterAll {
    Remove-Module -Name Pop3Tools -Force -ErrorAction SilentlyContinue
}

Describe 'Importing Pop3Tools' {
    It 'loads the module from the repository manifest' {
        $module.Name | Should -Be 'Pop3Tools'
        $module.Version | Should -Be ([version] $manifest.ModuleVersion)
    }

    It 'exports exactly the cmdlets the manifest lists, and nothing else' {
        $exported = @(Get-Command -Module Pop3Tools)
        @($exported | Where-Object { $_.CommandType -ne 'Cmdlet' }) | Should -BeNullOrEmpty
        (@($exported.Name | Sort-Object) -join ', ') | Should -Be (@($manifest.CmdletsToExport | Sort-Object) -join ', ')
    }

    It 'gives Connect-Pop3 -Server at position 0 with the alias ComputerName' {
        $server = (Get-Command -Name Connect-Pop3).Parameters['Server']
        $server.Aliases | Should -Contain 'ComputerName'
        foreach ($set in $server.ParameterSets.Values) {
            $set.Position | Should -Be 0
        }
    }

    It 'offers -WhatIf and -Confirm on Remove-Pop3Message' {
        $parameters = (Get-Command -Name Remove-Pop3Message).Parameters
        $parameters.ContainsKey('WhatIf') | Should -BeTrue
        $parameters.ContainsKey('Confirm') | Should -BeTrue
    }

    It 'offers -First and -Skip on Get-Pop3Message' {
        $parameters = (Get-Command -Name Get-Pop3Message).Parameters
        $parameters.ContainsKey('First') | Should -BeTrue
        $parameters.ContainsKey('Skip') | Should -BeTrue
    }
}

Describe '<_>' -ForEach $cmdletNames {
    BeforeAll {
        $name = $_
        $command = Get-Command -Name $name -Module Pop3Tools
        $help = Get-Help -Name $name -Full
        $ownParameters = @($command.Parameters.Keys | Where-Object { $addedByPowerShell -notcontains $_ })
    }

    It 'has parameter metadata PowerShell accepts' {
        # Metadata errors (clashing names, positions, sets) surface here, not at import.
        { Get-Command -Name $name -Syntax -ErrorAction Stop } | Should -Not -Throw
        $command.ParameterSets.Count | Should -BeGreaterThan 0
    }

    It 'has help with a synopsis and a description' {
        # Without a help file, the synopsis is the syntax line, which starts with the name.
        $synopsis = ([string] $help.Synopsis).Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        $synopsis | Should -Not -BeLike "$name *"
        ($help.description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has help with at least two examples' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in @($help.examples.example)) {
            $example.code | Should -BeLike "*$name*"
        }
    }

    It 'describes every one of its parameters in help' {
        $documented = @($help.parameters.parameter | ForEach-Object { $_.name })
        foreach ($parameter in $ownParameters) {
            $documented | Should -Contain $parameter
            $entry = @($help.parameters.parameter | Where-Object { $_.name -eq $parameter })[0]
            ($entry.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'declares its output types and a format view for each' {
        $outputTypes = @($command.OutputType)
        $outputTypes.Count | Should -BeGreaterThan 0
        foreach ($type in $outputTypes) {
            Get-FormatData -TypeName $type.Name | Should -Not -BeNullOrEmpty -Because "$($type.Name) needs a default view"
        }
    }
}
