# Pester 5 tests of the session model: the default session per runspace, and what a
# disconnected session does. Needs the POP3TOOLS_TEST_* variables (SERVER, PORT,
# TLSPORT, USER, PASSWORD, THUMBPRINT, MESSAGE_COUNT); the full lab contract is at the
# top of Pop3TestLab.ps1. Without them every test here is skipped.
# Runs on Windows PowerShell 5.1 and PowerShell 7.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $lab = Get-Pop3TestLab
    if (-not $lab.Available) {
        Write-Warning "Session server tests skipped: $($lab.Reason)"
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    Import-Pop3ToolsModule | Out-Null
    $lab = Get-Pop3TestLab
    $opened = New-Object System.Collections.ArrayList

    # The two lab ports tell sessions apart: one on each.
    function Connect-OnPlainPort {
        Connect-Pop3 -Server $lab.Server -Port $lab.Port -Security StartTls -Credential $lab.Credential -CertificateThumbprint $lab.Thumbprint -ErrorAction Stop
    }
    function Connect-OnTlsPort {
        Connect-Pop3 -Server $lab.Server -Port $lab.TlsPort -Security Tls -Credential $lab.Credential -CertificateThumbprint $lab.Thumbprint -ErrorAction Stop
    }
    function Get-DefaultSessionPort {
        (Get-Pop3Message -First 1 -NoHeaders -ErrorAction Stop).Session.Port
    }
}

AfterAll {
    Remove-Module -Name Pop3Tools -Force -ErrorAction SilentlyContinue
}

Describe 'The default session' -Skip:(-not $lab.Available) {
    AfterEach {
        foreach ($session in $opened) {
            Close-Pop3TestSession -Session $session
        }
        $opened.Clear()
    }

    It 'is the session Connect-Pop3 opened last, and -Session still reaches the others' {
        $first = Connect-OnPlainPort
        [void] $opened.Add($first)
        $second = Connect-OnTlsPort
        [void] $opened.Add($second)

        Get-DefaultSessionPort | Should -Be $lab.TlsPort
        (Get-Pop3Message -Session $first -First 1 -NoHeaders -ErrorAction Stop).Session.Port | Should -Be $lab.Port
    }

    It 'belongs to its runspace: another runspace neither sees it nor replaces it' {
        $mine = Connect-OnPlainPort
        [void] $opened.Add($mine)

        $other = [powershell]::Create()
        try {
            $script = {
                param($ManifestPath, $Server, $TlsPort, $Credential, $Thumbprint)
                Import-Module -Name $ManifestPath -ErrorAction Stop
                $before = 'no error'
                try {
                    Get-Pop3Message -NoHeaders -ErrorAction Stop | Out-Null
                }
                catch {
                    $before = $_.FullyQualifiedErrorId
                }
                $session = Connect-Pop3 -Server $Server -Port $TlsPort -Security Tls -Credential $Credential -CertificateThumbprint $Thumbprint -ErrorAction Stop
                $port = (Get-Pop3Message -First 1 -NoHeaders -ErrorAction Stop).Session.Port
                Disconnect-Pop3 -Session $session -Discard
                @{ ErrorWithoutSession = $before; DefaultPort = $port }
            }
            [void] $other.AddScript($script.ToString())
            [void] $other.AddParameter('ManifestPath', (Get-Pop3ToolsManifestPath))
            [void] $other.AddParameter('Server', $lab.Server)
            [void] $other.AddParameter('TlsPort', $lab.TlsPort)
            [void] $other.AddParameter('Credential', $lab.Credential)
            [void] $other.AddParameter('Thumbprint', $lab.Thumbprint)
            $results = @($other.Invoke())
            $errors = @($other.Streams.Error)
        }
        finally {
            $other.Dispose()
        }

        $errors | Should -BeNullOrEmpty
        $results.Count | Should -Be 1
        $results[0].ErrorWithoutSession | Should -BeLike 'Pop3.SessionClosed*'
        $results[0].DefaultPort | Should -Be $lab.TlsPort
        Get-DefaultSessionPort | Should -Be $lab.Port
    }

    It 'is forgotten once disconnected' {
        $session = Connect-OnPlainPort
        [void] $opened.Add($session)

        Disconnect-Pop3 -ErrorAction Stop

        $session.IsConnected | Should -BeFalse
        { Get-Pop3Message -NoHeaders -ErrorAction Stop } | Should -Throw -ErrorId 'Pop3.SessionClosed*'
    }
}

Describe 'The session object' -Skip:(-not $lab.Available) {
    BeforeAll {
        $session = Connect-OnPlainPort
    }

    AfterAll {
        Close-Pop3TestSession -Session $session
    }

    It 'reads as user@server:port in a string and in a message''s Session column' {
        "$session" | Should -Be ('{0}@{1}:{2}' -f $lab.UserName, $lab.Server, $lab.Port)
        $listed = Get-Pop3Message -Session $session -Number 1 -NoHeaders -ErrorAction Stop
        ($listed | Out-String -Width 120) | Should -BeLike ('*{0}@{1}:{2}*' -f $lab.UserName, $lab.Server, $lab.Port)
    }

    It 'shows only what a user reads: no engine methods, nothing settable' {
        $methods = @($session | Get-Member -MemberType Method | ForEach-Object { $_.Name })
        foreach ($engineMethod in 'Resolve', 'LoadHeaders', 'MarkForDeletion', 'Disconnect', 'Discard', 'Open') {
            $methods | Should -Not -Contain $engineMethod
        }
        $properties = @($session | Get-Member -MemberType Property)
        $properties.Name | Should -Not -Contain 'Log'
        @($properties | Where-Object { $_.Definition -like '*set;*' }) | Should -BeNullOrEmpty
    }

    It 'keeps MailboxSize in bytes and shows it in the view for people' {
        $session.MailboxSize | Should -BeOfType ([long])
        $rendered = $session | Out-String -Width 120
        $rendered | Should -Match '\d+(\.\d)? (KB|MB|GB)'
        $rendered | Should -Not -BeLike ('*' + $session.MailboxSize + '*')
    }
}

Describe 'Get-Pop3Session' -Skip:(-not $lab.Available) {
    AfterEach {
        foreach ($session in $opened) {
            Close-Pop3TestSession -Session $session
        }
        $opened.Clear()
    }

    It 'lists the open sessions of this runspace, oldest first, the default one marked' {
        $first = Connect-OnPlainPort
        [void] $opened.Add($first)
        $second = Connect-OnTlsPort
        [void] $opened.Add($second)

        $listed = @(Get-Pop3Session | Where-Object { $opened -contains $_ })

        $listed.Count | Should -Be 2
        [object]::ReferenceEquals($listed[0], $first) | Should -BeTrue
        $listed[0].IsDefault | Should -BeFalse
        $listed[1].IsDefault | Should -BeTrue
        @(Get-Pop3Session | Where-Object IsDefault).Count | Should -Be 1
        (Get-Pop3Session | Out-String -Width 120) | Should -BeLike '*Default*'
    }

    It 'forgets a session once it is disconnected' {
        $session = Connect-OnPlainPort
        [void] $opened.Add($session)

        Disconnect-Pop3 -Session $session -ErrorAction Stop

        @(Get-Pop3Session | Where-Object { [object]::ReferenceEquals($_, $session) }) | Should -BeNullOrEmpty
        $session.IsDefault | Should -BeFalse
    }

    It 'lists nothing of another runspace' {
        $mine = Connect-OnPlainPort
        [void] $opened.Add($mine)
        $other = [powershell]::Create()
        try {
            [void] $other.AddScript('param($ManifestPath) Import-Module -Name $ManifestPath -ErrorAction Stop; @(Get-Pop3Session).Count')
            [void] $other.AddParameter('ManifestPath', (Get-Pop3ToolsManifestPath))
            $count = @($other.Invoke())[0]
        }
        finally {
            $other.Dispose()
        }

        $count | Should -Be 0
    }
}

Describe 'A disconnected session' -Skip:(-not $lab.Available) {
    BeforeAll {
        $session = Connect-OnPlainPort
        $closed = Disconnect-Pop3 -Session $session -PassThru -ErrorAction Stop
    }

    It 'comes back from Disconnect-Pop3 -PassThru, closed, with nothing deleted' {
        $closed.PSObject.TypeNames[0] | Should -Be 'Pop3Tools.Pop3Session'
        $closed.IsConnected | Should -BeFalse
        $closed.DeletedCount | Should -Be 0
        $closed.Port | Should -Be $lab.Port
    }

    It 'refuses further work with Pop3.SessionClosed' {
        { Get-Pop3Message -Session $session -NoHeaders -ErrorAction Stop } | Should -Throw -ErrorId 'Pop3.SessionClosed*'
    }

    It 'refuses new deletions with Pop3.SessionClosed' {
        { Remove-Pop3Message -Session $session -Number 1 -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'Pop3.SessionClosed*'
    }
}
