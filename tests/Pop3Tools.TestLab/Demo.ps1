# Run by `build.ps1 -Task Demo` in the interactive PowerShell it opens (not a test):
# imports the module from the checkout, connects to the lab's sample mailbox and
# suggests a few commands. The lab's settings arrive as POP3TOOLS_TEST_* variables.

Import-Module -Name (Join-Path $PSScriptRoot '../../Pop3Tools.psd1') -ErrorAction Stop
$password = ConvertTo-SecureString -String $env:POP3TOOLS_TEST_PASSWORD -AsPlainText -Force
$credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList $env:POP3TOOLS_TEST_USER, $password
# The lab's certificate is self-signed: pinned, as you would pin one you checked yourself.
$session = Connect-Pop3 -Server $env:POP3TOOLS_TEST_SERVER -Port $env:POP3TOOLS_TEST_PORT -Security StartTls `
    -Credential $credential -CertificateThumbprint $env:POP3TOOLS_TEST_THUMBPRINT -ErrorAction Stop

$try = @(
    @('Get-Pop3Session', 'the open sessions, the default marked'),
    @('Get-Pop3Message', 'Japanese and multipart mail included'),
    @('Get-Pop3Message -Number 2 | Format-List', 'one message in full'),
    @('Receive-Pop3Message -Number 3 | Select-Object Subject, Attachments', 'a message parsed by MimeKit'),
    @('Receive-Pop3Message -All -Path ./demo-export', 'every message to .eml files'),
    @('Test-Pop3Server $session.Server -Port $session.Port', 'TLS and login settings'),
    @('Remove-Pop3Message -All -WhatIf', 'what a purge would mark'),
    @('Disconnect-Pop3 -PassThru', 'deletions are committed only here'),
    @('Get-Help about_Pop3Tools', 'sessions, deletion, security')
)
Write-Host ''
Write-Host ('Pop3Tools demo: connected to a private Dovecot as {0} ({1} messages). Try:' -f $session.UserName, $session.MessageCount)
foreach ($line in $try) {
    # Only what this build has: Receive-Pop3Message and Test-Pop3Server may come later.
    $command = ($line[0] -split ' ')[0]
    if (Get-Command -Name $command -ErrorAction SilentlyContinue) {
        Write-Host ('  {0,-66} # {1}' -f $line[0], $line[1])
    }
}
Write-Host 'Type exit to leave; the lab server stops with it.'
Write-Host ''
