{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('jaffle_shop', 'users') }}
),

renamed as (
    select
        cast(id as varchar) as user_id,
        cast(received_at as timestamp_ntz) as received_at_tstamp,
        cast(email as varchar) as email,
        cast(first_name as varchar) as first_name,
        cast(loyalty_member as boolean) as loyalty_member,
        cast('identify' as varchar) as call_type,
        cast('jaffle_shop' as varchar) as source_schema,
        cast('users' as varchar) as source_table,
        cast('jaffle_shop/Identify/1-0.json' as varchar) as schema_id
    from source
)

select * from renamed
