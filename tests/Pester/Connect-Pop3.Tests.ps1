# Pester 5 tests of Connect-Pop3 against the lab server. Needs the POP3TOOLS_TEST_*
# variables (SERVER, PORT, TLSPORT, USER, PASSWORD, THUMBPRINT, MESSAGE_COUNT); the
# full lab contract is at the top of Pop3TestLab.ps1. Without them every test here
# is skipped. Runs on Windows PowerShell 5.1 and PowerShell 7.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $lab = Get-Pop3TestLab
    if (-not $lab.Available) {
        Write-Warning "Connect-Pop3 server tests skipped: $($lab.Reason)"
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    Import-Pop3ToolsModule | Out-Null
    $lab = Get-Pop3TestLab
    $opened = New-Object System.Collections.ArrayList
}

AfterAll {
    Remove-Module -Name Pop3Tools -Force -ErrorAction SilentlyContinue
}

Describe 'Connect-Pop3 against the lab server' -Skip:(-not $lab.Available) {
    AfterEach {
        foreach ($session in $opened) {
            Close-Pop3TestSession -Session $session
        }
        $opened.Clear()
    }

    It 'returns a logged-in Pop3Session describing the mailbox' {
        $session = Connect-Pop3TestSession -Lab $lab
        [void] $opened.Add($session)

        $session.PSObject.TypeNames[0] | Should -Be 'Pop3Tools.Pop3Session'
        $session.IsConnected | Should -BeTrue
        $session.Server | Should -Be $lab.Server
        $session.Port | Should -Be $lab.Port
        $session.UserName | Should -Be $lab.UserName
        $session.MessageCount | Should -Be $lab.MessageCount
        $session.PendingDeletions | Should -Be 0
        $session.AuthenticationMethod | Should -Not -BeNullOrEmpty
    }

    It 'renders the session with the module''s table view' {
        $session = Connect-Pop3TestSession -Lab $lab
        [void] $opened.Add($session)
        $labels = @(Get-Pop3TableViewLabels -TypeName 'Pop3Tools.Pop3Session')
        $header = Get-Pop3RenderedHeader -InputObject @($session)

        $labels.Count | Should -BeGreaterThan 0
        foreach ($label in $labels) {
            $header | Should -BeLike "*$label*"
        }
    }

    It 'secures the connection without being asked (STLS on the plain port)' {
        $session = Connect-Pop3 -Server $lab.Server -Port $lab.Port -Credential $lab.Credential -CertificateThumbprint $lab.Thumbprint -ErrorAction Stop
        [void] $opened.Add($session)

        $session.Security.ToString() | Should -Be 'StartTls'
        $session.TlsProtocol | Should -Not -BeNullOrEmpty
    }

    It 'upgrades with STLS when asked with -Security StartTls' {
        $session = Connect-Pop3 -Server $lab.Server -Port $lab.Port -Security StartTls -Credential $lab.Credential -CertificateThumbprint $lab.Thumbprint -ErrorAction Stop
        [void] $opened.Add($session)

        $session.Security.ToString() | Should -Be 'StartTls'
        $session.TlsProtocol | Should -Not -BeNullOrEmpty
    }

    It 'speaks implicit TLS with -Security Tls on the TLS port' {
        $session = Connect-Pop3 -Server $lab.Server -Port $lab.TlsPort -Security Tls -Credential $lab.Credential -CertificateThumbprint $lab.Thumbprint -ErrorAction Stop
        [void] $opened.Add($session)

        $session.Security.ToString() | Should -Be 'Tls'
        $session.CipherSuite | Should -Not -BeNullOrEmpty
    }

    It 'takes the server by position and by the ComputerName alias' {
        $byPosition = Connect-Pop3 $lab.Server -Port $lab.TlsPort -Security Tls -Credential $lab.Credential -CertificateThumbprint $lab.Thumbprint -ErrorAction Stop
        [void] $opened.Add($byPosition)
        $byAlias = Connect-Pop3 -ComputerName $lab.Server -Port $lab.TlsPort -Security Tls -Credential $lab.Credential -CertificateThumbprint $lab.Thumbprint -ErrorAction Stop
        [void] $opened.Add($byAlias)

        $byPosition.Server | Should -Be $lab.Server
        $byAlias.Server | Should -Be $lab.Server
    }

    It 'says quickly that the implicit-TLS port wants -Security Tls when asked for Auto there' {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $caught = $null
        try {
            Connect-Pop3 -Server $lab.Server -Port $lab.TlsPort -Credential $lab.Credential -CertificateThumbprint $lab.Thumbprint -TimeoutSeconds 60 -ErrorAction Stop
        }
        catch {
            $caught = $_
        }

        $caught.FullyQualifiedErrorId | Should -BeLike 'Pop3.TlsHandshakeFailed*'
        $caught.ErrorDetails.RecommendedAction | Should -BeLike '*implicit TLS*-Security Tls*'
        # A few seconds of silence decide it, not the 60 s timeout (bound kept generous).
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 40
    }

    It 'rejects a wrong password with Pop3.AuthenticationFailed' {
        { Connect-Pop3 -Server $lab.Server -Port $lab.TlsPort -Security Tls -Credential $lab.WrongCredential -CertificateThumbprint $lab.Thumbprint -ErrorAction Stop } |
            Should -Throw -ErrorId 'Pop3.AuthenticationFailed*'
    }

    It 'says what to check when the password is wrong' {
        $caught = $null
        try {
            Connect-Pop3 -Server $lab.Server -Port $lab.TlsPort -Security Tls -Credential $lab.WrongCredential -CertificateThumbprint $lab.Thumbprint -ErrorAction Stop
        }
        catch {
            $caught = $_
        }

        $caught.ErrorDetails.RecommendedAction | Should -BeLike '*user name and password*'
    }

    It 'names the SHA-256 thumbprint of a certificate it does not trust, ready to pin' {
        $caught = $null
        try {
            Connect-Pop3 -Server $lab.Server -Port $lab.TlsPort -Security Tls -Credential $lab.Credential -ErrorAction Stop
        }
        catch {
            $caught = $_
        }

        $caught.Exception.Message | Should -BeLike ('*' + $lab.Thumbprint + '*')
        $caught.ErrorDetails.RecommendedAction | Should -BeLike ('*-CertificateThumbprint ' + $lab.Thumbprint + '*')
    }

    It 'reports the method Auto chose as an -Authentication value that pins it' {
        $auto = Connect-Pop3TestSession -Lab $lab
        [void] $opened.Add($auto)

        # The type the -Authentication parameter takes (read from Get-Command: the module's
        # types need not resolve as literals when it loads in its own context).
        $auto.AuthenticationMethod.GetType() | Should -Be (Get-Command -Name Connect-Pop3).Parameters['Authentication'].ParameterType
        $auto.AuthenticationMethod.ToString() | Should -Not -Be 'Auto'
        $pinned = Connect-Pop3 -Server $lab.Server -Port $lab.Port -Security StartTls -Credential $lab.Credential -CertificateThumbprint $lab.Thumbprint -Authentication $auto.AuthenticationMethod -ErrorAction Stop
        [void] $opened.Add($pinned)
        $pinned.AuthenticationMethod | Should -Be $auto.AuthenticationMethod
    }

    It 'writes each verbose step once, with counts in good English' {
        $connectVerbose = @(Connect-Pop3 -Server $lab.Server -Port $lab.Port -Security StartTls -Credential $lab.Credential -CertificateThumbprint $lab.Thumbprint -Verbose -ErrorAction Stop 4>&1)
        $session = @($connectVerbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })[0]
        [void] $opened.Add($session)
        $listVerbose = @(Get-Pop3Message -Session $session -Number 1 -Verbose -ErrorAction Stop 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })

        @($connectVerbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Connecting to*' }).Count | Should -Be 1
        @($listVerbose | Where-Object { $_.Message -like '*1 message *' }).Count | Should -BeGreaterThan 0
        @($connectVerbose + $listVerbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '\b1 messages\b' }) | Should -BeNullOrEmpty
    }

    It 'never puts the password in the error' {
        $caught = $null
        try {
            Connect-Pop3 -Server $lab.Server -Port $lab.TlsPort -Security Tls -Credential $lab.WrongCredential -CertificateThumbprint $lab.Thumbprint -ErrorAction Stop
        }
        catch {
            $caught = $_
        }

        $caught | Should -Not -BeNullOrEmpty
        $caught.CategoryInfo.Category.ToString() | Should -Be 'AuthenticationError'
        ($caught | Out-String) | Should -Not -BeLike ('*' + $lab.WrongCredential.GetNetworkCredential().Password + '*')
    }

    It 'rejects the self-signed certificate by default (implicit TLS)' {
        { Connect-Pop3 -Server $lab.Server -Port $lab.TlsPort -Security Tls -Credential $lab.Credential -ErrorAction Stop } |
            Should -Throw -ErrorId 'Pop3.CertificateInvalid*'
    }

    It 'rejects the self-signed certificate by default (STLS)' {
        { Connect-Pop3 -Server $lab.Server -Port $lab.Port -Security StartTls -Credential $lab.Credential -ErrorAction Stop } |
            Should -Throw -ErrorId 'Pop3.CertificateInvalid*'
    }

    It 'accepts the certificate with -SkipCertificateCheck' {
        $session = Connect-Pop3 -Server $lab.Server -Port $lab.TlsPort -Security Tls -Credential $lab.Credential -SkipCertificateCheck -ErrorAction Stop
        [void] $opened.Add($session)

        $session.IsConnected | Should -BeTrue
    }

    It 'rejects a pinned thumbprint that does not match' {
        $wrong = 'AB' * 32
        { Connect-Pop3 -Server $lab.Server -Port $lab.TlsPort -Security Tls -Credential $lab.Credential -CertificateThumbprint $wrong -ErrorAction Stop } |
            Should -Throw -ErrorId 'Pop3.CertificateInvalid*'
    }

    It 'refuses to send the password in clear without -AllowInsecureAuthentication' {
        { Connect-Pop3 -Server $lab.Server -Port $lab.Port -Security None -Credential $lab.Credential -ErrorAction Stop } |
            Should -Throw -ErrorId 'Pop3.InsecureAuthenticationRefused*'
    }

    It 'logs in without TLS when -AllowInsecureAuthentication says so' {
        $session = Connect-Pop3 -Server $lab.Server -Port $lab.Port -Security None -Credential $lab.Credential -AllowInsecureAuthentication -ErrorAction Stop
        [void] $opened.Add($session)

        $session.Security.ToString() | Should -Be 'None'
        $session.TlsProtocol | Should -BeNullOrEmpty
        $session.IsConnected | Should -BeTrue
    }
}
