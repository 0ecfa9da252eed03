# Shared by the Pester tests in this folder (dot-sourced; not a test file itself).
#
# THE LAB CONTRACT: what a host must provide for the server-dependent tests.
# `build.ps1 -Task Test` starts a private Dovecot on the loopback, seeds it and sets:
#
#   POP3TOOLS_TEST_SERVER         the lab's address, e.g. 127.0.0.1
#   POP3TOOLS_TEST_PORT           plain POP3 port; offers STLS and, for loopback
#                                 tests, also accepts USER/PASS without TLS
#   POP3TOOLS_TEST_TLSPORT        implicit-TLS POP3 port (pop3s)
#   POP3TOOLS_TEST_USER           main mailbox: only read, never changed by the tests
#   POP3TOOLS_TEST_PASSWORD
#   POP3TOOLS_TEST_THUMBPRINT     SHA-256 (or SHA-1) hex thumbprint of the server's
#                                 self-signed certificate, which no machine trusts
#   POP3TOOLS_TEST_MESSAGE_COUNT  how many messages every lab mailbox holds (3 or
#                                 more), each with Subject, From, To, Date and
#                                 Message-ID headers
#   POP3TOOLS_TEST_SCRATCH_USERS  comma list of user:password (the password may
#                                 contain ':' but not ','), at least 4 mailboxes
#                                 holding the same messages as the main one. The
#                                 deletion tests use up one each, so the lab seeds
#                                 them afresh before every run.
#   POP3TOOLS_TEST_PARALLEL_USERS comma list of user:password like the scratch users,
#                                 at least 40 mailboxes holding the same messages,
#                                 reseeded before every run, all allowed to log in at
#                                 once from the loopback: the parallel tests
#                                 (Parallel.Tests.ps1) use each one in one scenario.
#   POP3TOOLS_TEST_SECRET_USER    user:password of a mailbox for Secrets.Tests.ps1, the
#                                 password chosen so that URL, JSON, XML, UTF-8 and
#                                 base64 encodings all differ from it (no ',' or ':')
#   POP3TOOLS_TEST_OAUTH_USER     user:access-token of a mailbox the server lets in with
#                                 XOAUTH2 and OAUTHBEARER (the lab mints a JWT its
#                                 Dovecot validates locally)
#
# Without the first seven, every server-dependent Describe is skipped (Pester reports
# skips as skips) and a warning names what is missing; without three scratch users
# the deletion tests are skipped likewise, and without 40 parallel users the
# parallel tests. Without the last two, Secrets.Tests.ps1 is.

function Get-Pop3ToolsManifestPath {
    [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'Pop3Tools.psd1'))
}

function Import-Pop3ToolsModule {
    # -Force: each test file starts from a fresh import of the checkout's build.
    Import-Module -Name (Get-Pop3ToolsManifestPath) -Force -Global -PassThru -ErrorAction Stop
}

function New-Pop3TestCredential {
    param([string] $UserName, [string] $Password)
    $secure = ConvertTo-SecureString -String $Password -AsPlainText -Force
    New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList $UserName, $secure
}

# 'user:password,user:password' (the password may hold ':' but not ',') as credentials.
function ConvertFrom-Pop3TestLogins {
    param([string] $List)
    if ([string]::IsNullOrEmpty($List)) {
        return
    }
    foreach ($entry in ($List -split ',')) {
        $parts = @($entry.Trim() -split ':', 2)
        if ($parts.Count -eq 2 -and $parts[0] -ne '') {
            New-Pop3TestCredential -UserName $parts[0] -Password $parts[1]
        }
    }
}

function Get-Pop3TestLab {
    $lab = @{ Available = $false; Reason = ''; ScratchCredentials = @(); ParallelCredentials = @() }

    $required = 'POP3TOOLS_TEST_SERVER', 'POP3TOOLS_TEST_PORT', 'POP3TOOLS_TEST_TLSPORT',
        'POP3TOOLS_TEST_USER', 'POP3TOOLS_TEST_PASSWORD', 'POP3TOOLS_TEST_THUMBPRINT',
        'POP3TOOLS_TEST_MESSAGE_COUNT'
    $missing = @($required | Where-Object { [string]::IsNullOrEmpty([Environment]::GetEnvironmentVariable($_)) })
    if ($missing.Count -gt 0) {
        $lab.Reason = 'no POP3 test server: ' + ($missing -join ', ') + ' not set (build.ps1 -Task Test starts the lab and sets them)'
        return $lab
    }

    $lab.Server = $env:POP3TOOLS_TEST_SERVER
    $lab.Port = [int] $env:POP3TOOLS_TEST_PORT
    $lab.TlsPort = [int] $env:POP3TOOLS_TEST_TLSPORT
    $lab.UserName = $env:POP3TOOLS_TEST_USER
    $lab.Credential = New-Pop3TestCredential -UserName $env:POP3TOOLS_TEST_USER -Password $env:POP3TOOLS_TEST_PASSWORD
    $lab.WrongCredential = New-Pop3TestCredential -UserName $env:POP3TOOLS_TEST_USER -Password ($env:POP3TOOLS_TEST_PASSWORD + '-wrong')
    $lab.Thumbprint = $env:POP3TOOLS_TEST_THUMBPRINT
    $lab.MessageCount = [int] $env:POP3TOOLS_TEST_MESSAGE_COUNT

    $lab.ScratchCredentials = @(ConvertFrom-Pop3TestLogins -List $env:POP3TOOLS_TEST_SCRATCH_USERS)
    $lab.ParallelCredentials = @(ConvertFrom-Pop3TestLogins -List $env:POP3TOOLS_TEST_PARALLEL_USERS)

    $lab.Available = $true
    return $lab
}

# The secrets Secrets.Tests.ps1 hunts for, or $null without the lab settings. The wrong
# password shares no long run of characters with the right one; the wrong token differs
# in its signature, which every form of the right one spans: a leak names which it was.
function Get-Pop3TestSecrets {
    if ([string]::IsNullOrEmpty($env:POP3TOOLS_TEST_SECRET_USER) -or [string]::IsNullOrEmpty($env:POP3TOOLS_TEST_OAUTH_USER)) {
        return $null
    }
    $password = @($env:POP3TOOLS_TEST_SECRET_USER -split ':', 2)
    $token = @($env:POP3TOOLS_TEST_OAUTH_USER -split ':', 2)
    $reversed = $password[1].ToCharArray()
    [Array]::Reverse($reversed)
    # A JWT whose signature is reversed: well formed, signed wrong.
    $parts = $token[1] -split '\.'
    $signature = $parts[2].ToCharArray()
    [Array]::Reverse($signature)
    @{
        User = $password[0]; Password = $password[1]; WrongPassword = -join $reversed
        OAuthUser = $token[0]; Token = $token[1]; WrongToken = $parts[0] + '.' + $parts[1] + '.' + (-join $signature)
    }
}

# A session on the plain port secured with STLS and the lab certificate pinned: the
# usual way in for tests that are not about connecting.
function Connect-Pop3TestSession {
    param([hashtable] $Lab, [System.Management.Automation.PSCredential] $Credential)
    if ($null -eq $Credential) {
        $Credential = $Lab.Credential
    }
    Connect-Pop3 -Server $Lab.Server -Port $Lab.Port -Credential $Credential -Security StartTls `
        -CertificateThumbprint $Lab.Thumbprint -ErrorAction Stop
}

# Ends a test's session without committing anything, whatever state it is in.
function Close-Pop3TestSession {
    param($Session)
    if ($null -ne $Session -and $Session.IsConnected) {
        Disconnect-Pop3 -Session $Session -Discard -ErrorAction SilentlyContinue
    }
}

# The labels of the table view PowerShell loaded for a type, read back from PowerShell
# itself; the tests check the rendered header against them.
function Get-Pop3TableViewLabels {
    param([string] $TypeName)
    $views = @((Get-FormatData -TypeName $TypeName).FormatViewDefinition)
    $table = @($views | Where-Object { $_.Control -is [System.Management.Automation.TableControl] })
    if ($table.Count -eq 0) {
        return @()
    }
    @($table[0].Control.Headers | ForEach-Object { $_.Label } | Where-Object { -not [string]::IsNullOrEmpty($_) })
}

# The first non-blank line objects render as by default: a table view's header.
function Get-Pop3RenderedHeader {
    param([object[]] $InputObject)
    $lines = ($InputObject | Out-String -Width 300) -split "`r?`n"
    @($lines | Where-Object { $_.Trim() -ne '' })[0]
}
