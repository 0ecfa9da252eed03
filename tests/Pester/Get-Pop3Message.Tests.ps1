# Pester 5 tests of Get-Pop3Message against the lab's main mailbox, which they only
# read. Needs the POP3TOOLS_TEST_* variables (SERVER, PORT, TLSPORT, USER, PASSWORD,
# THUMBPRINT, MESSAGE_COUNT); the full lab contract is at the top of Pop3TestLab.ps1.
# Without them every test here is skipped. Runs on Windows PowerShell 5.1 and PowerShell 7.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $lab = Get-Pop3TestLab
    if (-not $lab.Available) {
        Write-Warning "Get-Pop3Message server tests skipped: $($lab.Reason)"
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    Import-Pop3ToolsModule | Out-Null
    $lab = Get-Pop3TestLab
}

AfterAll {
    Remove-Module -Name Pop3Tools -Force -ErrorAction SilentlyContinue
}

Describe 'Get-Pop3Message against the lab mailbox' -Skip:(-not $lab.Available) {
    BeforeAll {
        $session = Connect-Pop3TestSession -Lab $lab
        $all = @(Get-Pop3Message -Session $session -ErrorAction Stop)
    }

    AfterAll {
        Close-Pop3TestSession -Session $session
    }

    It 'lists every message of the mailbox, numbered in mailbox order' {
        $all.Count | Should -Be $lab.MessageCount
        $all.Count | Should -Be $session.MessageCount
        for ($i = 0; $i -lt $all.Count; $i++) {
            $all[$i].Number | Should -Be ($i + 1)
        }
    }

    It 'gives each message a distinct UID, a size and its session' {
        @($all.Uid | Sort-Object -Unique).Count | Should -Be $all.Count
        foreach ($message in $all) {
            $message.PSObject.TypeNames[0] | Should -Be 'Pop3Tools.Pop3MessageInfo'
            $message.Uid | Should -Not -BeNullOrEmpty
            $message.Size | Should -BeGreaterThan 0
            $message.Session.Port | Should -Be $lab.Port
        }
        ($all | Measure-Object -Property Size -Sum).Sum | Should -Be $session.MailboxSize
    }

    It 'reads the main headers of each message' {
        foreach ($message in $all) {
            $message.Subject | Should -Not -BeNullOrEmpty
            $message.From | Should -Not -BeNullOrEmpty
            @($message.To).Count | Should -BeGreaterThan 0
            $message.Date | Should -BeOfType ([System.DateTimeOffset])
            $message.MessageId | Should -Not -BeNullOrEmpty
            $message.MessageId | Should -Not -BeLike '<*>'
        }
    }

    It 'skips the headers with -NoHeaders' {
        $bare = @(Get-Pop3Message -Session $session -NoHeaders -ErrorAction Stop)

        ($bare.Uid -join ',') | Should -Be ($all.Uid -join ',')
        foreach ($message in $bare) {
            $message.Subject | Should -BeNullOrEmpty
            $message.From | Should -BeNullOrEmpty
        }
    }

    It 'pages with -First and -Skip' {
        $firstTwo = @(Get-Pop3Message -Session $session -First 2 -NoHeaders -ErrorAction Stop)
        $second = @(Get-Pop3Message -Session $session -Skip 1 -First 1 -NoHeaders -ErrorAction Stop)
        $beyond = @(Get-Pop3Message -Session $session -Skip $all.Count -NoHeaders -ErrorAction Stop)

        ($firstTwo.Uid -join ',') | Should -Be (($all[0].Uid, $all[1].Uid) -join ',')
        $second.Count | Should -Be 1
        $second[0].Uid | Should -Be $all[1].Uid
        $beyond.Count | Should -Be 0
    }

    It 'selects by -Uid, in the order asked' {
        $picked = @(Get-Pop3Message -Session $session -Uid $all[2].Uid, $all[0].Uid -ErrorAction Stop)

        ($picked.Uid -join ',') | Should -Be (($all[2].Uid, $all[0].Uid) -join ',')
        ($picked.Number -join ',') | Should -Be '3,1'
        $picked[0].Subject | Should -Be $all[2].Subject
    }

    It 'selects by -Number' {
        $picked = @(Get-Pop3Message -Session $session -Number 2 -NoHeaders -ErrorAction Stop)

        $picked.Count | Should -Be 1
        $picked[0].Uid | Should -Be $all[1].Uid
    }

    It 'reports an unknown UID as a non-terminating Pop3.MessageNotFound and goes on' {
        $missing = 'no-such-uid-' + [guid]::NewGuid().ToString('N')
        $found = @(Get-Pop3Message -Session $session -Uid $missing, $all[0].Uid -NoHeaders -ErrorAction SilentlyContinue -ErrorVariable notFound)

        $found.Count | Should -Be 1
        $found[0].Uid | Should -Be $all[0].Uid
        $notFound.Count | Should -Be 1
        $notFound[0].FullyQualifiedErrorId | Should -BeLike 'Pop3.MessageNotFound*'
        $notFound[0].CategoryInfo.Category.ToString() | Should -Be 'ObjectNotFound'
        $notFound[0].TargetObject | Should -Be $missing
        $session.IsConnected | Should -BeTrue
    }

    It 'stops on an unknown UID with -ErrorAction Stop' {
        { Get-Pop3Message -Session $session -Uid 'no-such-uid' -ErrorAction Stop } | Should -Throw -ErrorId 'Pop3.MessageNotFound*'
    }

    It 'reports a number beyond the mailbox as Pop3.MessageNotFound' {
        { Get-Pop3Message -Session $session -Number ($all.Count + 1) -ErrorAction Stop } | Should -Throw -ErrorId 'Pop3.MessageNotFound*'
    }

    It 'shows -NoHeaders output in a view without empty header columns' {
        $bare = @(Get-Pop3Message -Session $session -NoHeaders -ErrorAction Stop)
        $header = Get-Pop3RenderedHeader -InputObject $bare

        $header | Should -BeLike '*Uid*'
        $header | Should -Not -BeLike '*Subject*'
        $header | Should -Not -BeLike '*Date*'
    }

    It 'fits the table in 120 columns: whole UIDs, a zone on every date, room for the Subject' {
        $lines = @(($all | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() -ne '' })
        $header = $lines[0]
        $subjectWidth = 120 - $header.IndexOf('Subject')

        $subjectWidth | Should -BeGreaterOrEqual 38
        foreach ($message in $all) {
            $row = @($lines | Where-Object { $_ -match ('^\s*' + $message.Number + ' ') })[0]
            $row | Should -BeLike ('* ' + $message.Uid + ' *')
            $row | Should -Match ' \d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d '
        }
    }

    It 'shows the Date the same way in the table and in the list' {
        $message = $all[0]
        $expected = $message.Date.ToLocalTime().ToString('yyyy-MM-dd HH:mm zzz')

        ($message | Out-String -Width 120) | Should -BeLike ('*' + $expected + '*')
        ($message | Format-List | Out-String -Width 120) | Should -BeLike ('*Date*: ' + $expected + '*')
    }

    It 'shows the steps and the redacted dialogue with -Debug, never a prompt, in a console without input' {
        # -Debug makes a compiled cmdlet's WriteDebug and WriteVerbose inquire; a console
        # host then asks "Continue with this operation?" per line. -NonInteractive turns any
        # such prompt into an error, so a fresh console PowerShell shows what a user gets.
        $hostPath = (Get-Process -Id $PID).Path
        $hostArguments = @()
        if ([System.IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') {
            $hostArguments = @([Environment]::GetCommandLineArgs()[0])
        }
        $script = Join-Path $TestDrive 'debug-session.ps1'
        Set-Content -Path $script -Value @'
param($ManifestPath, $Server, $Port, $UserName, $Thumbprint)
$ErrorActionPreference = 'Stop'
Import-Module -Name $ManifestPath
$credential = New-Object System.Management.Automation.PSCredential($UserName, (ConvertTo-SecureString $env:POP3TOOLS_TEST_PASSWORD -AsPlainText -Force))
$s = Connect-Pop3 -Server $Server -Port $Port -Security StartTls -Credential $credential -CertificateThumbprint $Thumbprint -Debug
$null = Get-Pop3Message -Session $s -Number 1 -Debug
Disconnect-Pop3 -Session $s -Debug
'finished'
'@
        $output = & $hostPath @hostArguments -NoProfile -NonInteractive -File $script -ManifestPath (Get-Pop3ToolsManifestPath) `
            -Server $lab.Server -Port $lab.Port -UserName $lab.UserName -Thumbprint $lab.Thumbprint 6>&1 2>&1 | ForEach-Object { [string] $_ }
        $text = $output -join "`n"

        $LASTEXITCODE | Should -Be 0 -Because $text
        $text | Should -Not -BeLike '*NonInteractive*'
        $output | Should -Contain 'finished'
        $output | Should -Contain 'DEBUG: C: TOP 1 0'
        @($output | Where-Object { $_ -like 'VERBOSE: Opening a session to*' }).Count | Should -Be 1
        @($output | Where-Object { $_ -like 'VERBOSE: Disconnected from*' }).Count | Should -Be 1
        $text | Should -Not -BeLike ('*' + $lab.Credential.GetNetworkCredential().Password + '*')
    }

    It 'renders its messages with the module''s table view' {
        $labels = @(Get-Pop3TableViewLabels -TypeName 'Pop3Tools.Pop3MessageInfo')
        $header = Get-Pop3RenderedHeader -InputObject $all

        $labels.Count | Should -BeGreaterThan 0
        foreach ($label in $labels) {
            $header | Should -BeLike "*$label*"
        }
    }
}
