-- Drives `iblint lsp` from Neovim's built-in LSP client (Neovim 0.7, Debian 12):
-- opens $IBLINT_FIXTURE, waits for iblint's diagnostics, checks the expected one, requests the
-- code actions at it, applies the first (the fix) and waits until the diagnostic is gone.
-- Run: nvim --headless -u NONE -c 'luafile quick_fix.lua'. Exit status 0 = pass.
-- Environment: IBLINT (the binary), IBLINT_FIXTURE, IBLINT_EXPECT_CODE, IBLINT_EXPECT_LINE (1-based).
local function out(s) io.stdout:write(s .. '\n') end

local function main()
  local file = vim.env.IBLINT_FIXTURE
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'yaml'  -- -u NONE: no filetype detection; didOpen's languageId comes from it

  local client_id = vim.lsp.start_client({
    name = 'iblint',
    cmd = { vim.env.IBLINT, 'lsp' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    init_options = { iblint = { debounceMs = 50 } },
  })
  if not client_id then out('FAIL: the client did not start'); return 2 end
  vim.lsp.buf_attach_client(bufnr, client_id)

  if not vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
    out('FAIL: no diagnostics within 15 s'); return 1
  end
  local diagnostics = vim.diagnostic.get(bufnr)
  for _, d in ipairs(diagnostics) do
    out(('diagnostic %d:%d %s [%s %s] %s'):format(d.lnum + 1, d.col + 1, d.source, d.code,
      d.user_data.lsp.codeDescription and d.user_data.lsp.codeDescription.href or '-', d.message))
  end
  local target
  for _, d in ipairs(diagnostics) do
    if d.code == vim.env.IBLINT_EXPECT_CODE and d.lnum + 1 == tonumber(vim.env.IBLINT_EXPECT_LINE) then target = d end
  end
  if not target then out('FAIL: no ' .. vim.env.IBLINT_EXPECT_CODE .. ' on line ' .. vim.env.IBLINT_EXPECT_LINE); return 1 end
  if target.source ~= 'iblint' then out('FAIL: source is ' .. tostring(target.source)); return 1 end

  local client = vim.lsp.get_client_by_id(client_id)
  local lsp_diagnostic = vim.lsp.diagnostic.get_line_diagnostics(bufnr, target.lnum)[1]
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic } },
  }
  local reply = client.request_sync('textDocument/codeAction', params, 10000, bufnr)
  if not reply or reply.err or not reply.result or #reply.result == 0 then
    out('FAIL: no code actions: ' .. vim.inspect(reply)); return 1
  end
  for _, action in ipairs(reply.result) do out('code action: ' .. action.title) end
  local fix = reply.result[1]
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  out('after the fix: ' .. vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1])

  local cleared = vim.wait(15000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == vim.env.IBLINT_EXPECT_CODE then return false end
    end
    return true
  end, 20)
  if not cleared then out('FAIL: the diagnostic is still there after the fix'); return 1 end
  out('diagnostic gone; remaining: ' .. #vim.diagnostic.get(bufnr))

  client.stop()
  vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 50)
  out('PASS')
  return 0
end

local ok, rc = xpcall(main, debug.traceback)
if not ok then out('LUA ERROR: ' .. tostring(rc)); rc = 3 end
vim.cmd(rc == 0 and 'qall!' or ('cquit ' .. rc))
