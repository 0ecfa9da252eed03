# Pester 5 tests of Remove-Pop3Message and how Disconnect-Pop3 commits or discards.
# They DELETE mail, so they use only the scratch mailboxes: each test takes one of
# POP3TOOLS_TEST_SCRATCH_USERS (user:password,...; at least 4, reseeded by the lab
# before every run) besides the POP3TOOLS_TEST_* server variables; the full lab
# contract is at the top of Pop3TestLab.ps1. Without them every test here is skipped.
# The main mailbox (POP3TOOLS_TEST_USER) is never touched. Runs on Windows
# PowerShell 5.1 and PowerShell 7.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $lab = Get-Pop3TestLab
    $canDelete = $lab.Available -and @($lab.ScratchCredentials).Count -ge 4
    if (-not $lab.Available) {
        Write-Warning "Remove-Pop3Message server tests skipped: $($lab.Reason)"
    }
    elseif (-not $canDelete) {
        Write-Warning 'Remove-Pop3Message server tests skipped: POP3TOOLS_TEST_SCRATCH_USERS must name at least 4 scratch mailboxes (user:password,...)'
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    Import-Pop3ToolsModule | Out-Null
    $lab = Get-Pop3TestLab
    $opened = New-Object System.Collections.ArrayList

    function Connect-Scratch {
        param([int] $Index)
        $session = Connect-Pop3TestSession -Lab $lab -Credential $lab.ScratchCredentials[$Index]
        [void] $opened.Add($session)
        $session
    }
}

AfterAll {
    Remove-Module -Name Pop3Tools -Force -ErrorAction SilentlyContinue
}

Describe 'What Remove-Pop3Message asks' -Skip:(-not $lab.Available) {
    BeforeAll {
        # The main mailbox, read only: -WhatIf marks nothing. What if: lines go to the
        # host, not to a stream, so a transcript is how a test reads them.
        $session = Connect-Pop3TestSession -Lab $lab
        $listed = @(Get-Pop3Message -Session $session -ErrorAction Stop)
        function Get-WhatIfLines {
            param([scriptblock] $Action)
            $transcript = Join-Path $TestDrive ([guid]::NewGuid().ToString('N') + '.txt')
            Start-Transcript -Path $transcript | Out-Null
            try {
                & $Action
            }
            finally {
                Stop-Transcript | Out-Null
            }
            @(Get-Content -Path $transcript | Where-Object { $_ -like 'What if:*' })
        }
    }

    AfterAll {
        Close-Pop3TestSession -Session $session
    }

    It 'asks once for -All, with the count and the total size' {
        $lines = @(Get-WhatIfLines { Remove-Pop3Message -Session $session -All -WhatIf })

        $lines.Count | Should -Be 1
        $lines[0] | Should -BeLike ('*All {0} messages (*B)*' -f $listed.Count)
        $session.PendingDeletions | Should -Be 0
    }

    It 'names each message by its Subject and From when the session read them' {
        $lines = @(Get-WhatIfLines { $listed[0], $listed[1] | Remove-Pop3Message -WhatIf })

        $lines.Count | Should -Be 2
        $lines[0] | Should -BeLike ('*"{0}" from {1}*' -f $listed[0].Subject, $listed[0].From)
        $lines[1] | Should -BeLike ('*"{0}" from {1}*' -f $listed[1].Subject, $listed[1].From)
    }
}

Describe 'Remove-Pop3Message on a scratch mailbox' -Skip:(-not $canDelete) {
    AfterEach {
        foreach ($session in $opened) {
            Close-Pop3TestSession -Session $session
        }
        $opened.Clear()
    }

    It 'marks nothing with -WhatIf, and Disconnect-Pop3 then deletes nothing' {
        $session = Connect-Scratch -Index 0
        $before = @(Get-Pop3Message -Session $session -NoHeaders -ErrorAction Stop)
        $before.Count | Should -Be $lab.MessageCount

        $before | Remove-Pop3Message -WhatIf -ErrorAction Stop

        $session.PendingDeletions | Should -Be 0
        $closed = Disconnect-Pop3 -Session $session -PassThru -ErrorAction Stop
        $closed.DeletedCount | Should -Be 0

        $again = Connect-Scratch -Index 0
        $after = @(Get-Pop3Message -Session $again -NoHeaders -ErrorAction Stop)
        ($after.Uid -join ',') | Should -Be ($before.Uid -join ',')
    }

    It 'deletes the piped messages when Disconnect-Pop3 commits, and says how many' {
        $session = Connect-Scratch -Index 1
        $before = @(Get-Pop3Message -Session $session -NoHeaders -ErrorAction Stop)
        $victims = @($before[0], $before[2])
        $survivors = @($before | Where-Object { $_.Uid -ne $victims[0].Uid -and $_.Uid -ne $victims[1].Uid })

        $marked = @($victims | Remove-Pop3Message -Confirm:$false -PassThru -ErrorAction Stop)

        ($marked.Uid -join ',') | Should -Be ($victims.Uid -join ',')
        $session.PendingDeletions | Should -Be 2
        $session.MessageCount | Should -Be ($before.Count - 2)
        $listed = @(Get-Pop3Message -Session $session -NoHeaders -ErrorAction Stop)
        ($listed.Uid -join ',') | Should -Be ($survivors.Uid -join ',')

        $closed = Disconnect-Pop3 -Session $session -PassThru -ErrorAction Stop
        $closed.DeletedCount | Should -Be 2
        $closed.IsConnected | Should -BeFalse
        # What the view shows after QUIT is what was committed, not the old figure.
        $closed.MessageCount | Should -Be ($before.Count - 2)
        $closed.PendingDeletions | Should -Be 0
        $view = @(($closed | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() -ne '' })
        $view[0] | Should -BeLike '*Deleted*'
        $view[2] | Should -Match ('\s{0}\s+.*\s0\s+2\s+False' -f ($before.Count - 2))

        $fresh = Connect-Scratch -Index 1
        $after = @(Get-Pop3Message -Session $fresh -NoHeaders -ErrorAction Stop)
        ($after.Uid -join ',') | Should -Be ($survivors.Uid -join ',')
        $fresh.MessageCount | Should -Be ($before.Count - 2)
    }

    It 'keeps the session and its marked deletions when a listing is stopped (Ctrl+C)' {
        $session = Connect-Scratch -Index 3
        $before = @(Get-Pop3Message -Session $session -ErrorAction Stop)
        Remove-Pop3Message -Session $session -Uid $before[0].Uid -Confirm:$false -ErrorAction Stop

        # Ctrl+C is PowerShell stopping the pipeline: PowerShell.Stop() does the same.
        $listing = [powershell]::Create()
        try {
            [void] $listing.AddScript('param($ManifestPath, $Session) Import-Module -Name $ManifestPath; Get-Pop3Message -Session $Session | ForEach-Object { Start-Sleep -Milliseconds 300; $_ }')
            [void] $listing.AddParameter('ManifestPath', (Get-Pop3ToolsManifestPath))
            [void] $listing.AddParameter('Session', $session)
            $output = New-Object 'System.Management.Automation.PSDataCollection[psobject]'
            $running = $listing.BeginInvoke($output, $output)
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ($output.Count -lt 1 -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 50
            }
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $listing.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
            $output.Count | Should -BeLessThan ($before.Count - 1)
        }
        finally {
            $listing.Dispose()
        }

        $session.IsConnected | Should -BeTrue
        $session.PendingDeletions | Should -Be 1
        (Get-Pop3Message -Session $session -Number 5 -ErrorAction Stop).Subject | Should -Be $before[4].Subject
        $closed = Disconnect-Pop3 -Session $session -PassThru -ErrorAction Stop
        $closed.DeletedCount | Should -Be 1
    }

    It 'deletes nothing when Disconnect-Pop3 -Discard ends the session' {
        $session = Connect-Scratch -Index 2
        $before = @(Get-Pop3Message -Session $session -NoHeaders -ErrorAction Stop)

        Remove-Pop3Message -Session $session -All -Confirm:$false -ErrorAction Stop
        $session.PendingDeletions | Should -Be $before.Count

        Disconnect-Pop3 -Session $session -Discard -ErrorAction Stop
        $session.IsConnected | Should -BeFalse

        $fresh = Connect-Scratch -Index 2
        $after = @(Get-Pop3Message -Session $fresh -NoHeaders -ErrorAction Stop)
        ($after.Uid -join ',') | Should -Be ($before.Uid -join ',')
    }
}
