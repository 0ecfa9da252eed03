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
