# Pester 5 tests of the help as PowerShell renders it, against what PowerShell itself
# knows about each exported cmdlet (Get-Command): the MAML syntax must say the same
# thing as Get-Command -Syntax, set by set. No server needed. Runs on Windows
# PowerShell 5.1 and PowerShell 7.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $manifest = Import-PowerShellDataFile -Path (Get-Pop3ToolsManifestPath)
    $cmdletNames = @($manifest.CmdletsToExport)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    Import-Pop3ToolsModule | Out-Null
    # Help never lists the common parameters (ProgressAction on 7.4+ included); it does
    # list WhatIf, Confirm and the paging parameters, as Get-Command -Syntax does.
    $common = @([System.Management.Automation.PSCmdlet]::CommonParameters) + 'UseTransaction'

    # One line per parameter of a set, in a form both sides can produce:
    # name, mandatory, position and value type (none for a switch).
    function Get-SetSignature {
        param($Parameters)
        @($Parameters | Sort-Object -Property Name | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.Name, $_.Mandatory, $_.Position, $_.Type }) -join "`n"
    }

    function Get-CommandSignatures {
        param($Command)
        foreach ($set in $Command.ParameterSets) {
            $parameters = foreach ($parameter in $set.Parameters) {
                if ($common -contains $parameter.Name) { continue }
                $type = $parameter.ParameterType.Name
                if ($parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]) { $type = '' }
                $position = 'named'
                if ($parameter.Position -ge 0) { $position = [string] $parameter.Position }
                [pscustomobject] @{ Name = $parameter.Name; Mandatory = $parameter.IsMandatory; Position = $position; Type = $type }
            }
            Get-SetSignature -Parameters $parameters
        }
    }

    function Get-HelpSignatures {
        param($Help)
        foreach ($item in @($Help.syntax.syntaxItem)) {
            $parameters = foreach ($parameter in @($item.parameter | Where-Object { $null -ne $_ })) {
                $type = ''
                if ($null -ne $parameter.parameterValue) { $type = [string] $parameter.parameterValue }
                [pscustomobject] @{ Name = $parameter.name; Mandatory = ($parameter.required -eq 'true'); Position = $parameter.position; Type = $type }
            }
            Get-SetSignature -Parameters $parameters
        }
    }
}

AfterAll {
    Remove-Module -Name Pop3Tools -Force -ErrorAction SilentlyContinue
}

Describe 'Help of <_>' -ForEach $cmdletNames {
    BeforeAll {
        $name = $_
        $command = Get-Command -Name $name -Module Pop3Tools
        $help = Get-Help -Name $name -Full
    }

    It 'has one syntax block per parameter set, each saying what Get-Command -Syntax says' {
        $fromCommand = @(Get-CommandSignatures -Command $command | Sort-Object)
        $fromHelp = @(Get-HelpSignatures -Help $help | Sort-Object)

        $fromHelp.Count | Should -Be $fromCommand.Count
        for ($i = 0; $i -lt $fromCommand.Count; $i++) {
            $fromHelp[$i] | Should -Be $fromCommand[$i]
        }
    }

    It 'renders switches as switches, as Get-Command -Syntax does' {
        $rendered = ($help.syntax | Out-String -Width 500)
        $rendered | Should -Not -BeLike '*<SwitchParameter>*'
        $syntax = Get-Command -Name $name -Syntax
        foreach ($parameter in $command.Parameters.Values) {
            if ($parameter.SwitchParameter -and $common -notcontains $parameter.Name) {
                $syntax | Should -BeLike ('*[-' + $parameter.Name + ']*')
                $rendered | Should -BeLike ('*[-' + $parameter.Name + ']*')
            }
        }
    }

    It 'has an online version that Get-Help -Online can open' {
        # -Online itself would start a browser; what it opens is the HelpUri.
        $command.HelpUri | Should -BeLike 'https://*'
        $online = @($help.relatedLinks.navigationLink | Where-Object { $_.linkText -like 'Online Version*' })
        $online.Count | Should -Be 1
        $online[0].uri | Should -Be $command.HelpUri
    }
}

Describe 'about_Pop3Tools' {
    BeforeAll {
        $about = (Get-Help -Name about_Pop3Tools | Out-String)
    }

    It 'is found by Get-Help' {
        $about | Should -BeLike '*about_Pop3Tools*'
    }

    It 'matches error ids the way the README does, with -like ''Pop3.<Kind>*''' {
        # A pattern with the comma would miss the id of an error that another module rethrows.
        $about | Should -BeLike "*-like 'Pop3.Timeout*'*"
        $about | Should -Not -BeLike "*'Pop3.Timeout,*'*"
    }
}

Describe 'README' {
    It 'purges by date without matching messages that have no Date ($null -lt $x is true)' {
        $readme = Get-Content -Raw -Path (Join-Path (Split-Path -Parent (Get-Pop3ToolsManifestPath)) 'README.md')
        $purges = @([regex]::Matches($readme, 'Where-Object (\{[^\r\n]*?\}|[^|\r\n]+)\s*\|\s*Remove-Pop3Message') |
            Where-Object { $_.Groups[1].Value -like '*Date*' })
        $purges.Count | Should -BeGreaterThan 0

        $old = [pscustomobject] @{ Date = [DateTimeOffset]::Now.AddYears(-3); Size = 1 }
        $undated = [pscustomobject] @{ Date = $null; Size = 1 }
        foreach ($purge in $purges) {
            $filter = $purge.Groups[1].Value.Trim()
            $command = [scriptblock]::Create('$input | Where-Object ' + $filter)
            @($old | & $command).Count | Should -Be 1 -Because "$filter should match an old message"
            @($undated | & $command).Count | Should -Be 0 -Because "$filter must leave a message without a Date alone"
        }
    }
}
