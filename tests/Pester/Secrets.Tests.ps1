# No secret ever shows where a user or a log can see it (issue 10, DESIGN.md: secure by
# default). Secrets.Child.ps1 runs, in a fresh PowerShell against the lab Dovecot, a full
# session and a failed login for every -Authentication method, each cmdlet with -Verbose and
# -Debug, and writes down everything it saw: every stream (*>&1 and the -*Variable
# parameters), the progress records of an export, the console and a transcript, every $Error
# entry in depth, every output object and the session as views, JSON and CliXml, and the
# files saved. This file then hunts each of those texts
# for every form of the password and of the access token (and of the wrong ones sent by the
# failed logins): as is, URL/JSON/XML-escaped, hex, base64 at all three alignments, and the
# SASL messages that carry them. A hit names the form and the file, never the secret.
# Windows PowerShell 5.1-compatible.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $lab = Get-Pop3TestLab
    $noLab = (-not $lab.Available) -or ($null -eq (Get-Pop3TestSecrets))
    $methods = @(
        @{ Method = 'UserPass'; Secret = 'password' }
        @{ Method = 'Apop'; Secret = 'password' }
        @{ Method = 'Plain'; Secret = 'password' }
        @{ Method = 'Login'; Secret = 'password' }
        @{ Method = 'CramMd5'; Secret = 'password' }
        @{ Method = 'ScramSha1'; Secret = 'password' }
        @{ Method = 'ScramSha256'; Secret = 'password' }
        @{ Method = 'XOAuth2'; Secret = 'token' }
        @{ Method = 'OAuthBearer'; Secret = 'token' }
    )
}

Describe 'No form of a password or token where a user or a log can see it' -Skip:$noLab {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
        $null = Import-Pop3ToolsModule
        $secrets = Get-Pop3TestSecrets
        $utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false

        function ConvertTo-Base64 {
            param([string] $Text)
            [Convert]::ToBase64String($utf8.GetBytes($Text))
        }

        # Base64 of the bytes inside any longer payload: the characters that depend on them
        # alone, with 0, 1 or 2 bytes before them (as SecretFormsTests.cs does), and base64url.
        function Add-Base64Forms {
            param([System.Collections.IDictionary] $Forms, [string] $Name, [byte[]] $Bytes)
            for ($pad = 0; $pad -lt 3; $pad++) {
                $padded = New-Object -TypeName byte[] -ArgumentList ($pad + $Bytes.Length)
                [Array]::Copy($Bytes, 0, $padded, $pad, $Bytes.Length)
                $encoded = [Convert]::ToBase64String($padded)
                $start = [int][Math]::Floor(($pad + 2) / 3) * 4
                $end = [int][Math]::Floor(($pad + $Bytes.Length) / 3) * 4
                $Forms["$Name after $pad bytes"] = $encoded.Substring($start, $end - $start)
                $Forms["${Name}url after $pad bytes"] = $Forms["$Name after $pad bytes"].Replace('+', '-').Replace('/', '_')
            }
        }

        # Every way the secret could be written down, each with a name that says which.
        function Get-SecretForms {
            param([string] $Label, [string] $User, [string] $Secret, [string] $Kind)
            $bytes = $utf8.GetBytes($Secret)
            $hex = [BitConverter]::ToString($bytes).Replace('-', '')
            $forms = [ordered]@{
                'as is' = $Secret
                'URL-encoded' = [Uri]::EscapeDataString($Secret)
                'form-encoded' = [System.Net.WebUtility]::UrlEncode($Secret)
                'JSON string' = (ConvertTo-Json -InputObject $Secret -Compress).Trim('"')
                'XML text' = [System.Security.SecurityElement]::Escape($Secret)
                'UTF-8 read as Latin-1' = [System.Text.Encoding]::GetEncoding(28591).GetString($bytes)
                'hex (upper case)' = $hex.ToUpperInvariant()
                'hex (lower case)' = $hex.ToLowerInvariant()
            }
            Add-Base64Forms $forms 'base64' $bytes
            # Where no DPAPI exists (Linux, macOS) Export-Clixml and ConvertFrom-SecureString write a
            # SecureString as the hex of its UTF-16 bytes: an object carrying one would show it so.
            $utf16 = [System.Text.Encoding]::Unicode.GetBytes($Secret)
            $utf16Hex = [BitConverter]::ToString($utf16).Replace('-', '')
            $forms['UTF-16 hex (upper case)'] = $utf16Hex.ToUpperInvariant()
            $forms['UTF-16 hex (lower case)'] = $utf16Hex.ToLowerInvariant()
            Add-Base64Forms $forms 'UTF-16 base64' $utf16
            $one = [string][char]1
            if ($Kind -eq 'password') {
                $forms['SASL PLAIN response'] = ConvertTo-Base64 ([string][char]0 + $User + [char]0 + $Secret)
                $forms['SASL LOGIN response'] = ConvertTo-Base64 $Secret
            }
            else {
                $forms['XOAUTH2 response'] = ConvertTo-Base64 ('user=' + $User + $one + 'auth=Bearer ' + $Secret + $one + $one)
                $forms['OAUTHBEARER response'] = ConvertTo-Base64 ('n,a=' + $User + ',' + $one + 'auth=Bearer ' + $Secret + $one + $one)
            }
            # Ordinal: a PowerShell hashtable ignores case and would drop lower-case hex.
            $seen = New-Object -TypeName 'System.Collections.Generic.HashSet[string]' -ArgumentList ([StringComparer]::Ordinal)
            foreach ($name in $forms.Keys) {
                $value = $forms[$name]
                if ($seen.Add($value)) {
                    [pscustomobject]@{ Name = "$name of the $Label"; Value = $value }
                }
            }
        }

        $forms = @(
            Get-SecretForms -Label 'password' -User $secrets.User -Secret $secrets.Password -Kind password
            Get-SecretForms -Label 'wrong password' -User $secrets.User -Secret $secrets.WrongPassword -Kind password
            Get-SecretForms -Label 'access token' -User $secrets.OAuthUser -Secret $secrets.Token -Kind token
            Get-SecretForms -Label 'wrong access token' -User $secrets.OAuthUser -Secret $secrets.WrongToken -Kind token
        )

        # Which form shows in which text: names only, so a failure never prints a secret.
        function Find-Secret {
            param([string] $Where, [string] $Text)
            foreach ($form in $forms) {
                if ($Text.IndexOf($form.Value, [StringComparison]::Ordinal) -ge 0) {
                    "$($form.Name) in $Where"
                }
            }
        }

        # For a failure message: the text with every form replaced by its name.
        function Hide-Secret {
            param([string] $Text)
            foreach ($form in $forms) {
                $Text = $Text.Replace($form.Value, '<' + $form.Name + '>')
            }
            $Text
        }

        # Every file the child wrote for one method: name (relative) and text.
        function Get-Seen {
            param([string] $Method)
            $folder = Join-Path $output $Method
            foreach ($file in Get-ChildItem -LiteralPath $folder -Recurse -File) {
                [pscustomobject]@{
                    Name = $Method + '/' + $file.FullName.Substring($folder.Length + 1).Replace('\', '/')
                    Text = [System.IO.File]::ReadAllText($file.FullName)
                }
            }
        }

        function Get-SeenText {
            param([object[]] $Seen, [string] $Name)
            $file = @($Seen | Where-Object { $_.Name -eq $Name })
            if ($file.Count -eq 0) {
                return ''
            }
            $file[0].Text
        }

        # The same PowerShell as this one, in a new process: `dotnet pwsh` runs as dotnet + pwsh.dll.
        $hostPath = (Get-Process -Id $PID).Path
        $hostArguments = @()
        if ([System.IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') {
            $hostArguments = @([Environment]::GetCommandLineArgs()[0])
        }
        $output = Join-Path $TestDrive 'seen'
        $null = New-Item -ItemType Directory -Path $output
        $child = Join-Path $PSScriptRoot 'Secrets.Child.ps1'
        $console = (& $hostPath @hostArguments -NoProfile -NonInteractive -File $child -OutputPath $output 2>&1 | Out-String)
        $childExit = $LASTEXITCODE
        $searched = @{}
    }

    AfterAll {
        if ($null -ne $searched -and $searched.Count -gt 0) {
            $total = 0
            foreach ($count in $searched.Values) {
                $total += $count
            }
            Write-Host ("Secrets: {0} forms searched in {1} texts from {2} runs." -f $forms.Count, $total, $searched.Count)
        }
    }

    It 'finds the password where the run wrote it down on purpose' {
        $text = Get-SeenText @(Get-Seen 'Canary') 'Canary/canary.txt'
        $found = @(Find-Secret 'the canary' $text)
        $found | Should -Contain 'as is of the password in the canary'
        $found | Should -Contain 'SASL PLAIN response of the password in the canary'
        $found | Should -Contain 'JSON string of the password in the canary'
    }

    It 'runs every -Authentication method the module has' -ForEach @(@{ Names = @($methods | ForEach-Object { $_.Method }) }) {
        $all = @((Get-Command Connect-Pop3).Parameters['Authentication'].ParameterType.GetEnumNames() | Where-Object { $_ -ne 'Auto' } | Sort-Object)
        @($Names | Sort-Object) | Should -Be $all
        $childExit | Should -Be 0 -Because (Hide-Secret $console)
    }

    It '<Method>: a full session and a failed login, -Verbose and -Debug, in every stream, view and serialization' -ForEach $methods {
        $seen = @(Get-Seen $Method)
        $searched[$Method] = $seen.Count

        # The hunt only means something if the texts hold what they should.
        $transcript = Get-SeenText $seen "$Method/transcript.txt"
        $transcript | Should -Match 'Logging in as'
        $transcript | Should -Match 'DEBUG: C: '
        $transcript | Should -Match 'What if: '
        $connect = Get-SeenText $seen "$Method/connect.streams.txt"
        $connect | Should -Match ([regex]::Escape('********'))
        $connect | Should -Match ('AuthenticationMethod\s*: ' + $Method + '\b')
        Get-SeenText $seen "$Method/receive.streams.txt" | Should -Match 'Subject'
        Get-SeenText $seen "$Method/disconnect.streams.txt" | Should -Match 'IsConnected\s*: False'
        Get-SeenText $seen "$Method/mail-folder.txt" | Should -Match '\.eml'
        Get-SeenText $seen "$Method/export-progress.txt" | Should -Match 'Exporting messages to .+ \| 12 of 12 messages'
        Get-SeenText $seen "$Method/failed-login.streams.txt" | Should -Match 'Pop3\.AuthenticationFailed'
        Get-SeenText $seen "$Method/failed-login.variables.txt" | Should -Match 'Pop3\.AuthenticationFailed'
        $errors = Get-SeenText $seen "$Method/error-variable.txt"
        $errors | Should -Match 'Pop3\.AuthenticationFailed'
        $errors | Should -Match 'ErrorDetails: .+ / .+'

        $leaks = @(foreach ($file in $seen) { Find-Secret $file.Name $file.Text })
        $leaks | Should -BeNullOrEmpty
    }

    It 'Test-Pop3Server -Credential: a login and a failed one, -Verbose and debug lines' {
        $seen = @(Get-Seen 'Test-Pop3Server')
        $searched['Test-Pop3Server'] = $seen.Count

        Get-SeenText $seen 'Test-Pop3Server/probe.streams.txt' | Should -Match 'Logged in'
        Get-SeenText $seen 'Test-Pop3Server/failed-probe.streams.txt' | Should -Match 'Login failed'
        Get-SeenText $seen 'Test-Pop3Server/transcript.txt' | Should -Match '\] C: AUTH '

        $leaks = @(foreach ($file in $seen) { Find-Secret $file.Name $file.Text })
        $leaks | Should -BeNullOrEmpty
    }

    It 'the console of the whole run' {
        $searched['console'] = 1
        $console | Should -Match 'DEBUG: C: '
        $console | Should -Match 'Pop3\.AuthenticationFailed|Authentication failed'

        @(Find-Secret 'the console' $console) | Should -BeNullOrEmpty
    }
}
