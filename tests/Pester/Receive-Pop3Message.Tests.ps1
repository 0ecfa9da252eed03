# Pester 5 tests of Receive-Pop3Message: parsed objects and the export to .eml files read
# the lab's main mailbox only; the -Delete test uses the last of POP3TOOLS_TEST_SCRATCH_USERS
# (the Remove-Pop3Message tests use the first three), reseeded by the lab before every run.
# The full lab contract is at the top of Pop3TestLab.ps1; without it every test here is
# skipped. Runs on Windows PowerShell 5.1 and PowerShell 7.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $lab = Get-Pop3TestLab
    $canDelete = $lab.Available -and @($lab.ScratchCredentials).Count -ge 4
    if (-not $lab.Available) {
        Write-Warning "Receive-Pop3Message server tests skipped: $($lab.Reason)"
    }
    elseif (-not $canDelete) {
        Write-Warning 'Receive-Pop3Message -Delete test skipped: POP3TOOLS_TEST_SCRATCH_USERS must name at least 4 scratch mailboxes'
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

Describe 'Receive-Pop3Message to objects' -Skip:(-not $lab.Available) {
    BeforeAll {
        $session = Connect-Pop3TestSession -Lab $lab
        $listing = @(Get-Pop3Message -Session $session -ErrorAction Stop)
        $messages = @($listing | Receive-Pop3Message -ErrorAction Stop)
    }

    AfterAll {
        Close-Pop3TestSession -Session $session
    }

    It 'parses each message piped from Get-Pop3Message, in order, with the listing''s headers' {
        $messages.Count | Should -Be $lab.MessageCount
        for ($i = 0; $i -lt $messages.Count; $i++) {
            $messages[$i].PSObject.TypeNames[0] | Should -Be 'Pop3Tools.Pop3Message'
            $messages[$i].Uid | Should -Be $listing[$i].Uid
            $messages[$i].Subject | Should -Be $listing[$i].Subject
            $messages[$i].From | Should -Be $listing[$i].From
            $messages[$i].Date | Should -Be $listing[$i].Date
        }
    }

    It 'gives the text body and the attachments, which SaveAs writes decoded' {
        @($messages | Where-Object { -not [string]::IsNullOrEmpty($_.TextBody) }).Count | Should -BeGreaterThan 0
        $withAttachment = @($messages | Where-Object { @($_.Attachments).Count -gt 0 })
        $withAttachment.Count | Should -BeGreaterThan 0
        $attachment = @($withAttachment[0].Attachments)[0]
        $attachment.FileName | Should -Not -BeNullOrEmpty
        $target = Join-Path $TestDrive 'attachment.bin'
        $attachment.SaveAs($target)
        (Get-Item -LiteralPath $target).Length | Should -Be $attachment.Size
    }

    It 'keeps no bytes by default and the exact bytes with -IncludeRawMessage' {
        $messages[0].RawMessage | Should -BeNullOrEmpty
        $raw = Receive-Pop3Message -Session $session -Number 1 -IncludeRawMessage -ErrorAction Stop
        $raw.RawMessage.Length | Should -Be $listing[0].Size
    }

    It 'reports a UID the mailbox does not hold as Pop3.MessageNotFound and receives the rest' {
        $received = @(Receive-Pop3Message -Session $session -Uid 'no-such-uid', $listing[1].Uid -ErrorVariable failures -ErrorAction SilentlyContinue)
        $received.Count | Should -Be 1
        $received[0].Uid | Should -Be $listing[1].Uid
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Pop3.MessageNotFound,*'
        $failures[0].TargetObject | Should -Be 'no-such-uid'
    }

    It 'refuses -Delete without -Path with Pop3.InvalidArgument and a recommendation' {
        $failure = $null
        try {
            Receive-Pop3Message -Session $session -All -Delete -ErrorAction Stop
        }
        catch {
            $failure = $_
        }
        $failure.FullyQualifiedErrorId | Should -BeLike 'Pop3.InvalidArgument,*'
        $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $session.PendingDeletions | Should -Be 0
    }
}

Describe 'Receive-Pop3Message -Path' -Skip:(-not $lab.Available) {
    BeforeAll {
        $session = Connect-Pop3TestSession -Lab $lab
        $folder = Join-Path $TestDrive 'export'
        $saved = @(Receive-Pop3Message -Session $session -All -Path $folder -ErrorAction Stop)
    }

    AfterAll {
        Close-Pop3TestSession -Session $session
    }

    It 'saves each message as <uid>.eml with its exact size and SHA-256' {
        $saved.Count | Should -Be $lab.MessageCount
        @(Get-ChildItem -LiteralPath $folder -Filter '*.eml').Count | Should -Be $lab.MessageCount
        foreach ($file in $saved) {
            $file.PSObject.TypeNames[0] | Should -Be 'Pop3Tools.Pop3SavedMessage'
            [System.IO.Path]::GetFileName($file.Path) | Should -Be ($file.Uid + '.eml')
            (Get-Item -LiteralPath $file.Path).Length | Should -Be $file.Size
            (Get-FileHash -LiteralPath $file.Path -Algorithm SHA256).Hash | Should -Be $file.Sha256
            $file.Subject | Should -Not -BeNullOrEmpty
            $file.Deleted | Should -BeFalse
        }
    }

    It 'downloads nothing again on a re-run, and only a removed file after that' {
        @(Receive-Pop3Message -Session $session -All -Path $folder -ErrorAction Stop).Count | Should -Be 0
        Remove-Item -LiteralPath $saved[2].Path
        $again = @(Receive-Pop3Message -Session $session -All -Path $folder -ErrorAction Stop)
        $again.Count | Should -Be 1
        $again[0].Uid | Should -Be $saved[2].Uid
        (Get-FileHash -LiteralPath $again[0].Path -Algorithm SHA256).Hash | Should -Be $saved[2].Sha256
    }

    It 'takes a folder relative to the current PowerShell location' {
        Push-Location -LiteralPath $TestDrive
        try {
            $one = Receive-Pop3Message -Session $session -Number 1 -Path 'relative' -ErrorAction Stop
        }
        finally {
            Pop-Location
        }
        $one.Path | Should -Be (Join-Path (Join-Path $TestDrive 'relative') ($one.Uid + '.eml'))
    }

    It 'shows a default table of number, UID, size, file and subject' {
        $header = Get-Pop3RenderedHeader -InputObject $saved
        foreach ($label in (Get-Pop3TableViewLabels -TypeName 'Pop3Tools.Pop3SavedMessage')) {
            $header | Should -Match ([regex]::Escape($label))
        }
        ($saved | Out-String -Width 120) | Should -Match ([regex]::Escape($saved[0].Uid + '.eml'))
    }
}

Describe 'Receive-Pop3Message -Path -Delete on a scratch mailbox' -Skip:(-not $canDelete) {
    It 'marks each saved message, and Disconnect-Pop3 deletes them all' {
        $credential = $lab.ScratchCredentials[@($lab.ScratchCredentials).Count - 1]
        $session = Connect-Pop3TestSession -Lab $lab -Credential $credential
        try {
            $folder = Join-Path $TestDrive 'moved'
            $saved = @(Receive-Pop3Message -Session $session -All -Path $folder -Delete -ErrorAction Stop)

            $saved.Count | Should -Be $lab.MessageCount
            @($saved | Where-Object { -not $_.Deleted }).Count | Should -Be 0
            $session.PendingDeletions | Should -Be $lab.MessageCount
            (Disconnect-Pop3 -Session $session -PassThru -ErrorAction Stop).DeletedCount | Should -Be $lab.MessageCount
        }
        finally {
            Close-Pop3TestSession -Session $session
        }

        $again = Connect-Pop3TestSession -Lab $lab -Credential $credential
        try {
            @(Get-Pop3Message -Session $again -NoHeaders -ErrorAction Stop).Count | Should -Be 0
        }
        finally {
            Close-Pop3TestSession -Session $again
        }
        @(Get-ChildItem -LiteralPath $folder -Filter '*.eml').Count | Should -Be $lab.MessageCount
    }
}
