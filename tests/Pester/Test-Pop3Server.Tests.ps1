# Pester 5 tests of Test-Pop3Server against the lab server. Needs the POP3TOOLS_TEST_*
# variables (the lab contract is at the top of Pop3TestLab.ps1); without them the
# server tests are skipped. The lab's ports are not 995/110, so every test names its
# port; the default three attempts are proven by the engine's xunit tests.
# Runs on Windows PowerShell 5.1 and PowerShell 7.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $lab = Get-Pop3TestLab
    if (-not $lab.Available) {
        Write-Warning "Test-Pop3Server server tests skipped: $($lab.Reason)"
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    Import-Pop3ToolsModule | Out-Null
    $lab = Get-Pop3TestLab

    function Get-Check {
        param($Result, [string] $Name)
        @($Result.Checks | Where-Object { $_.Name -eq $Name })[0]
    }

    function Get-ClosedPort {
        $listener = New-Object System.Net.Sockets.TcpListener ([System.Net.IPAddress]::Loopback), 0
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $port
    }
}

AfterAll {
    Remove-Module -Name Pop3Tools -Force -ErrorAction SilentlyContinue
}

Describe 'Test-Pop3Server without a server' {
    It 'fails at name resolution for a name that does not resolve, as data, not as an error' {
        $results = @(Test-Pop3Server -Server 'no-such-pop3-host.invalid' -Port 995 -Security Tls -TimeoutSeconds 10 -ErrorAction Stop)

        $results.Count | Should -Be 1
        $results[0].PSObject.TypeNames[0] | Should -Be 'Pop3Tools.Pop3ServerTestResult'
        $results[0].Succeeded | Should -BeFalse
        $check = Get-Check $results[0] 'NameResolution'
        $check.Status | Should -Be 'Fail'
        $check.Hint | Should -BeLike '*Check the spelling of no-such-pop3-host.invalid*'
        $results[0].Verdict | Should -BeLike 'NameResolution failed:*'
    }

    It 'tries 995/Tls, 110/StartTls and 110/None without -Port' {
        $results = @(Test-Pop3Server 'no-such-pop3-host.invalid' -TimeoutSeconds 10)

        ($results | ForEach-Object { '{0}/{1}' -f $_.Port, $_.Security }) -join ',' | Should -Be '995/Tls,110/StartTls,110/None'
    }

    It 'throws only for a bad argument: a malformed thumbprint' {
        { Test-Pop3Server 127.0.0.1 -Port 995 -CertificateThumbprint 'not-hex' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Pop3.InvalidArgument*'
    }

    It 'binds -Server (and -Port, -Security) by property name, so a CSV of servers pipes in' {
        $rows = 'Server,Port,Security', 'first.invalid,995,Tls', 'second.invalid,110,StartTls' | ConvertFrom-Csv

        $results = @($rows | Test-Pop3Server -TimeoutSeconds 10)

        ($results | ForEach-Object { '{0}:{1}/{2}' -f $_.Server, $_.Port, $_.Security }) -join ',' |
            Should -Be 'first.invalid:995/Tls,second.invalid:110/StartTls'
    }

    It 'has help with every parameter and examples' {
        $help = Get-Help Test-Pop3Server -Full
        $help.Synopsis | Should -BeLike 'Diagnoses a POP3 server*'
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        $documented = @($help.Parameters.Parameter | ForEach-Object { $_.Name })
        foreach ($name in 'Server', 'Port', 'Security', 'Credential', 'AllowInsecureAuthentication', 'SkipCertificateCheck', 'CertificateThumbprint', 'TimeoutSeconds') {
            $documented | Should -Contain $name
        }
    }
}

Describe 'Test-Pop3Server against the lab server' -Skip:(-not $lab.Available) {
    It 'passes with the right settings on the implicit-TLS port, with a real login' {
        $result = Test-Pop3Server $lab.Server -Port $lab.TlsPort -Security Tls -CertificateThumbprint $lab.Thumbprint -Credential $lab.Credential

        $result.Succeeded | Should -BeTrue -Because $result.Verdict
        $result.Verdict | Should -BeLike 'Works: Tls*'
        $result.LoginSucceeded | Should -BeTrue
        $result.MessageCount | Should -Be $lab.MessageCount
        $result.TlsProtocol | Should -BeLike 'Tls1*'
        (Get-Check $result 'Login').Status | Should -Be 'Pass'
    }

    It 'passes with the right settings on the plain port with STLS, with a real login' {
        $result = Test-Pop3Server $lab.Server -Port $lab.Port -Security StartTls -CertificateThumbprint $lab.Thumbprint -Credential $lab.Credential

        $result.Succeeded | Should -BeTrue -Because $result.Verdict
        $result.Security | Should -Be 'StartTls'
        $result.StartTlsAvailable | Should -BeTrue
        $result.MessageCount | Should -Be $lab.MessageCount
        (Get-Check $result 'StartTls').Status | Should -Be 'Pass'
    }

    It 'fails STLS mode on the implicit-TLS port at the greeting and points to -Security Tls' {
        $result = Test-Pop3Server $lab.Server -Port $lab.TlsPort -Security StartTls -TimeoutSeconds 3

        $result.Succeeded | Should -BeFalse
        $check = Get-Check $result 'Greeting'
        $check.Status | Should -Be 'Fail'
        $check.Hint | Should -BeLike '*-Security Tls*'
    }

    It 'fails TLS on the plain port at the handshake and points to -Security StartTls' {
        $result = Test-Pop3Server $lab.Server -Port $lab.Port -Security Tls

        $check = Get-Check $result 'Tls'
        $check.Status | Should -Be 'Fail'
        $check.Detail | Should -BeLike '*plain text*'
        $check.Hint | Should -BeLike '*-Security StartTls*'
    }

    It 'reports a closed port as refused, with the POP3 ports in the hint' {
        $result = Test-Pop3Server $lab.Server -Port (Get-ClosedPort) -Security Tls

        $check = Get-Check $result 'TcpConnect'
        $check.Status | Should -Be 'Fail'
        $check.Detail | Should -BeLike '*refused*'
        $check.Hint | Should -BeLike '*995 for TLS, 110 for STLS*'
    }

    It 'fails the self-signed certificate by default and names the thumbprint to pin' {
        $result = Test-Pop3Server $lab.Server -Port $lab.TlsPort -Security Tls -Credential $lab.Credential

        $result.Succeeded | Should -BeFalse
        $result.CertificateThumbprint | Should -Be $lab.Thumbprint
        $check = Get-Check $result 'CertificateTrust'
        $check.Status | Should -Be 'Fail'
        $check.Detail | Should -BeLike '*self-signed*'
        $check.Hint | Should -BeLike ('*-CertificateThumbprint ' + $lab.Thumbprint + '*')
        $result.LoginTested | Should -BeFalse
        (Get-Check $result 'Login').Status | Should -Be 'Skipped'
    }

    It 'passes the self-signed certificate with -SkipCertificateCheck, as a warning' {
        $result = Test-Pop3Server $lab.Server -Port $lab.TlsPort -Security Tls -SkipCertificateCheck

        $result.Succeeded | Should -BeTrue -Because $result.Verdict
        (Get-Check $result 'CertificateTrust').Status | Should -Be 'Warning'
    }

    It 'passes the self-signed certificate with a pinned thumbprint' {
        $result = Test-Pop3Server $lab.Server -Port $lab.TlsPort -Security Tls -CertificateThumbprint $lab.Thumbprint

        $result.Succeeded | Should -BeTrue -Because $result.Verdict
        (Get-Check $result 'CertificateTrust').Status | Should -Be 'Pass'
    }

    It 'fails a wrong password at the login with the [AUTH] hint' {
        $result = Test-Pop3Server $lab.Server -Port $lab.TlsPort -Security Tls -CertificateThumbprint $lab.Thumbprint -Credential $lab.WrongCredential

        $result.Succeeded | Should -BeFalse
        $result.LoginSucceeded | Should -BeFalse
        $check = Get-Check $result 'Login'
        $check.Status | Should -Be 'Fail'
        $check.Hint | Should -BeLike '*Check the user name*'
    }

    It 'sends no credential without TLS unless allowed, and says how to test anyway' {
        $result = Test-Pop3Server $lab.Server -Port $lab.Port -Security None -Credential $lab.Credential

        $check = Get-Check $result 'Login'
        $check.Status | Should -Be 'Skipped'
        $check.Hint | Should -BeLike '*-AllowInsecureAuthentication*'
        $result.LoginTested | Should -BeFalse
    }

    It 'shows port, security, success and verdict in the default view at 120 columns' {
        $results = @(
            Test-Pop3Server $lab.Server -Port $lab.TlsPort -Security Tls -CertificateThumbprint $lab.Thumbprint
            Test-Pop3Server $lab.Server -Port $lab.Port -Security Tls
        )
        $text = $results | Out-String -Width 120
        $header = Get-Pop3RenderedHeader -InputObject $results

        foreach ($label in 'Server', 'Port', 'Security', 'Succeeded', 'Verdict') {
            $header | Should -BeLike "*$label*"
        }
        $text | Should -BeLike '*Works: Tls*'
        $text | Should -BeLike '*Tls failed: *'
        @($text -split "`r?`n" | Where-Object { $_.Length -gt 120 }).Count | Should -Be 0
        # One line per attempt: the table's verdict leaves the hint to the list view, so it never wraps mid-word.
        @($text -split "`r?`n" | Where-Object { $_ -like '127.0.0.1*' -or $_ -like "$($lab.Server)*" }).Count | Should -Be 2
        $text | Should -Not -BeLike '*use -Security StartTls*'
        ($results | Format-List | Out-String -Width 120) | Should -BeLike '*use -*Security StartTls*'
    }

    It 'never shows the password in results, verbose or debug output, or errors' {
        $password = $lab.Credential.GetNetworkCredential().Password
        $wrong = $lab.WrongCredential.GetNetworkCredential().Password
        $DebugPreference = 'Continue'
        $output = @(
            Test-Pop3Server $lab.Server -Port $lab.TlsPort -Security Tls -CertificateThumbprint $lab.Thumbprint -Credential $lab.Credential -Verbose 4>&1 5>&1
            Test-Pop3Server $lab.Server -Port $lab.Port -Security None -AllowInsecureAuthentication -Credential $lab.WrongCredential -Verbose 4>&1 5>&1
        )
        # By type name: the module's types live in its own load context, where [Pop3Tools.X] does not resolve.
        $results = @($output | Where-Object { $_.PSObject.TypeNames[0] -eq 'Pop3Tools.Pop3ServerTestResult' })
        $results.Count | Should -Be 2
        @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        $text = ($output | Out-String -Width 400) + ($results | Format-List * | Out-String -Width 400) +
            ($results | ForEach-Object { $_.Checks } | Format-List * | Out-String -Width 400) + ($Error | Out-String -Width 400)

        $text.Contains($password) | Should -BeFalse
        $text.Contains($wrong) | Should -BeFalse
    }
}
